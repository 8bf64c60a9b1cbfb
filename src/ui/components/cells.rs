//! Table rows that are built once and then update only their texts. Rebuilding a whole row on
//! every edit re-sets every attribute of every cell (Leptos removes and re-adds them all), which
//! at 200 clusters was most of an edit's time before its frame was painted (issue 4). A row
//! instead keeps its texts in one `Memo` and each cell reads its own with [`text`].

use leptos::prelude::*;

/// The text `read` picks from `row`, as a reactive view child. `read` is a plain function, so
/// every cell of every table shares one closure type (bundle size).
pub fn text<T>(row: Memo<T>, read: fn(&T) -> &str) -> impl Fn() -> String + Copy + use<T>
where
    T: Send + Sync + 'static,
{
    move || row.with(|r| read(r).to_owned())
}
