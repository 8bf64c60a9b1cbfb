//! Prints the 1,000-cluster fleet of the windows benchmark as a plan file, for
//! `benches/windows-vs-dateutil.sh`: `cargo run --profile cli --example windows_fleet > fleet.json`.

#[path = "../benches/support/windows_fleet.rs"]
mod windows_fleet;

fn main() {
    println!("{}", windows_fleet::plan_json(windows_fleet::CLUSTERS));
}
