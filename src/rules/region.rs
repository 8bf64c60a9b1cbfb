//! Azure region names (`location`): the API name (`westeurope`) and the display name the portal
//! shows (`West Europe`) are one region. [`region_name`] normalises either to the API name and
//! refuses anything that cannot be one (a line break, `$(…)`, an ARM template expression), so a
//! `location` never carries text into an exported file.

/// The longest region name accepted (the longest API names today are about 20 characters).
pub const REGION_NAME_MAX: usize = 40;

/// Why a `location` is not a region name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    #[error(
        "the region {0:?} contains a line break or another control character: enter one Azure region name, e.g. westeurope"
    )]
    Control(String),
    #[error(
        "the region {value:?} contains {ch:?}: an Azure region name has only letters, digits and spaces, e.g. westeurope or \"West Europe\""
    )]
    InvalidChar { value: String, ch: char },
    #[error("the region {0:?} must start with a letter, e.g. westeurope")]
    BadFirst(String),
    #[error(
        "the region {value:?} is {len} characters long: an Azure region name has at most {REGION_NAME_MAX}"
    )]
    TooLong { value: String, len: usize },
}

/// A region as a key: ARM region names ignore case and spaces (`West Europe` = `westeurope`).
/// No validation: [`region_name`] checks the name first.
pub fn region_key(location: &str) -> String {
    // ASCII only: region names are ASCII, and `char::to_lowercase` would pull Unicode case
    // tables into the browser module.
    let mut key = location.to_ascii_lowercase();
    key.retain(|c| c != ' ');
    key
}

/// The API name of a region given by its API or display name: `West Europe`, `westeurope` and
/// ` WestEurope ` all give `westeurope`. Blank stays blank (no region yet).
pub fn region_name(value: &str) -> Result<String, RegionError> {
    let trimmed = value.trim();
    if value.chars().any(char::is_control) {
        return Err(RegionError::Control(value.to_owned()));
    }
    if let Some(ch) = trimmed
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == ' '))
    {
        return Err(RegionError::InvalidChar {
            value: value.to_owned(),
            ch,
        });
    }
    let name = region_key(trimmed);
    if name.len() > REGION_NAME_MAX {
        return Err(RegionError::TooLong {
            value: value.to_owned(),
            len: name.len(),
        });
    }
    if name.chars().next().is_some_and(|c| !c.is_ascii_lowercase()) {
        return Err(RegionError::BadFirst(value.to_owned()));
    }
    Ok(name)
}

/// The region for output: the API name when `value` is one, else `value` unchanged (an invalid
/// region is an error finding, so a gated export never gets here with one).
pub fn region_or_raw(value: &str) -> String {
    region_name(value).unwrap_or_else(|_| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_api_names_are_one_region() {
        // Pairs as `az account list-locations` prints them (displayName, name).
        for (display, api) in [
            ("West Europe", "westeurope"),
            ("East US 2", "eastus2"),
            ("Sweden Central", "swedencentral"),
            ("westeurope", "westeurope"),
            (" WestEurope ", "westeurope"),
            ("", ""),
        ] {
            assert_eq!(region_name(display).unwrap(), api, "{display:?}");
        }
        assert_eq!(region_or_raw("West Europe"), region_or_raw("westeurope"));
        assert_eq!(region_or_raw("$(x)"), "$(x)");
    }

    #[test]
    fn shell_syntax_line_breaks_and_expressions_are_refused() {
        assert!(matches!(
            region_name("westeurope\nrm -rf /"),
            Err(RegionError::Control(_))
        ));
        assert!(matches!(
            region_name("$(touch pwned)"),
            Err(RegionError::InvalidChar { ch: '$', .. })
        ));
        assert!(matches!(
            region_name("[resourceGroup().location]"),
            Err(RegionError::InvalidChar { ch: '[', .. })
        ));
        assert!(matches!(
            region_name("2westeurope"),
            Err(RegionError::BadFirst(_))
        ));
        assert!(matches!(
            region_name(&"a".repeat(41)),
            Err(RegionError::TooLong { len: 41, .. })
        ));
        let message = region_name("west$europe").unwrap_err().to_string();
        assert!(message.contains("westeurope"), "{message}");
    }
}
