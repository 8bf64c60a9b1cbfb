//! A tiny argument parser: positionals, `--flag` and `--key value` / `--key=value`.

use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Args {
    pub positional: Vec<String>,
    pub flags: Vec<String>,
    pub options: BTreeMap<String, String>,
    /// Every valued option in order, for options that may repeat (`--image A --image B`).
    pub all: Vec<(String, String)>,
}

impl Args {
    /// `valued` lists the options that take a value; every other `--x` is a flag.
    pub fn parse(raw: &[String], valued: &[&str], flags: &[&str]) -> Result<Args, String> {
        let mut args = Args::default();
        let mut iter = raw.iter();
        while let Some(a) = iter.next() {
            if let Some(name) = a.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_owned())),
                    None => (name, None),
                };
                if valued.contains(&name) {
                    let value = match inline {
                        Some(v) => v,
                        None => iter
                            .next()
                            .cloned()
                            .ok_or_else(|| format!("--{name} needs a value"))?,
                    };
                    args.all.push((name.to_owned(), value.clone()));
                    args.options.insert(name.to_owned(), value);
                } else if flags.contains(&name) && inline.is_none() {
                    args.flags.push(name.to_owned());
                } else {
                    return Err(format!("unknown option --{name}"));
                }
            } else {
                args.positional.push(a.clone());
            }
        }
        Ok(args)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// Every value of a repeatable option, in order.
    pub fn options(&self, name: &str) -> Vec<&str> {
        self.all
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    /// Exactly one positional argument, e.g. the plan file.
    pub fn one_positional(&self, what: &str) -> Result<&str, String> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(format!("missing {what}")),
            _ => Err(format!(
                "expected one {what}, got {}",
                self.positional.len()
            )),
        }
    }
}
