//! A pack's input contract (`[input]` in `pack.toml`), which lets a batch evaluate a pack once
//! per distinct *projection* of the input instead of once per device.
//!
//! ```toml
//! [input]
//! reads = ["device.manufacturer", "device.vendor", "device.device_type", "now"]
//! stamps = ["device.id"]
//! ```
//!
//! A pack with a contract is **always** evaluated on the projection: an input holding only the
//! `reads` paths, with each `stamps` path (a string the pack may only copy into its messages)
//! replaced by a placeholder that is swapped for the device's value in the findings' text. The
//! pack cannot see anything else, so two devices with equal projections get the same findings
//! up to the stamped text, and a cache keyed on the projection is exact by construction rather
//! than by a promise. A pack that tests a stamped field sees only the placeholder (never the
//! real value), with or without the cache.

use std::collections::BTreeMap;

use regorus::Value;
use serde::{Deserialize, Serialize};

/// The paths a pack reads, and the string paths it only copies into messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct InputContract {
    /// Dotted input paths the pack reads (`device.vendor`, `now`, ...): all it sees.
    pub reads: Vec<String>,
    /// String paths the pack may only copy into `message`, `due_basis` or `due`; it sees a
    /// placeholder instead of the value. One of [`STAMPABLE`].
    #[serde(default)]
    pub stamps: Vec<String>,
}

/// The input paths that may be stamped: identifiers and labels, strings, never tested by the
/// built-in packs.
pub const STAMPABLE: [&str; 7] = [
    "device.id",
    "device.address",
    "device.brand",
    "device.model",
    "site.id",
    "site.name",
    "network.id",
];

/// The top-level members of the input (`DeviceContext`).
const ROOTS: [&str; 6] = [
    "device",
    "site",
    "network",
    "organisation",
    "now",
    "purpose",
];

impl InputContract {
    pub(crate) fn validate(&self) -> Result<(), String> {
        if self.reads.is_empty() {
            return Err(
                "[input] reads is empty: a pack that reads nothing needs no contract".into(),
            );
        }
        for path in &self.reads {
            let root = path.split('.').next().unwrap_or_default();
            if !ROOTS.contains(&root) || path.split('.').any(str::is_empty) {
                return Err(format!(
                    "[input] reads {path:?}: expected a dotted path under one of {}",
                    ROOTS.join(", ")
                ));
            }
        }
        for path in &self.stamps {
            if !STAMPABLE.contains(&path.as_str()) {
                return Err(format!(
                    "[input] stamps {path:?}: only {} may be stamped",
                    STAMPABLE.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// The input the pack sees: the `reads` paths of `full`, stamped paths as placeholders.
    pub(crate) fn project(&self, full: &Value) -> Value {
        let mut tree = Tree::default();
        for path in &self.reads {
            let value = lookup(full, path);
            if value != &Value::Undefined {
                tree.insert(path, value.clone());
            }
        }
        for path in &self.stamps {
            if matches!(lookup(full, path), Value::String(_)) {
                tree.insert(path, Value::from(placeholder(path)));
            }
        }
        tree.into_value()
    }

    /// Swaps the placeholders in `text` for the device's values.
    pub(crate) fn stamp(&self, text: &mut String, full: &Value) {
        for path in &self.stamps {
            let marker = placeholder(path);
            if text.contains(&marker)
                && let Value::String(value) = lookup(full, path)
            {
                *text = text.replace(&marker, value);
            }
        }
    }
}

/// Control characters cannot come from a pack's own text by accident.
fn placeholder(path: &str) -> String {
    format!("\u{1}{path}\u{1}")
}

fn lookup<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(value, |at, key| &at[key])
}

/// Nested members under construction.
#[derive(Default)]
struct Tree(BTreeMap<String, Node>);

enum Node {
    Leaf(Value),
    Branch(Tree),
}

impl Tree {
    fn insert(&mut self, path: &str, value: Value) {
        let Some((head, rest)) = path.split_once('.') else {
            self.0.insert(path.to_owned(), Node::Leaf(value));
            return;
        };
        let node = match self.0.remove(head) {
            None => Node::Branch(Tree::default()),
            Some(Node::Branch(tree)) => Node::Branch(tree),
            // A wider path was read already: open it up (an object) to insert inside it.
            Some(Node::Leaf(whole)) => match whole.as_object() {
                Ok(object) => Node::Branch(Tree(
                    object
                        .iter()
                        .filter_map(|(key, member)| match key {
                            Value::String(key) => {
                                Some((key.to_string(), Node::Leaf(member.clone())))
                            }
                            _ => None,
                        })
                        .collect(),
                )),
                Err(_) => Node::Leaf(whole),
            },
        };
        let node = match node {
            Node::Branch(mut tree) => {
                tree.insert(rest, value);
                Node::Branch(tree)
            }
            leaf => leaf,
        };
        self.0.insert(head.to_owned(), node);
    }

    fn into_value(self) -> Value {
        Value::from(
            self.0
                .into_iter()
                .map(|(key, node)| {
                    let value = match node {
                        Node::Leaf(value) => value,
                        Node::Branch(tree) => tree.into_value(),
                    };
                    (Value::from(key), value)
                })
                .collect::<BTreeMap<_, _>>(),
        )
    }
}
