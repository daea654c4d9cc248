//! The parsed YAML document: an ordered tree that keeps the author's key order and notes
//! duplicate keys instead of failing on the first, so all of them can be reported at once.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A YAML value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Mapping),
}

/// A YAML mapping in source order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Mapping {
    /// The first occurrence of every key.
    pub entries: Vec<(String, Node)>,
    /// Keys written again, with which occurrence (2 for the second) each repeat is.
    pub duplicates: Vec<(String, usize)>,
    /// How many keys were not scalars (sequences or mappings used as keys).
    pub complex_keys: usize,
}

impl Mapping {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }
}

impl Node {
    /// How the value is described to the author: "a string", "a mapping", ...
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing (null)",
            Node::Bool(_) => "a boolean",
            Node::Int(_) => "an integer",
            Node::Float(_) => "a number",
            Node::Str(_) => "a string",
            Node::Seq(_) => "a sequence",
            Node::Map(_) => "a mapping",
        }
    }

    /// The text of a scalar key, as the YAML spelled its value.
    fn key_text(&self) -> Option<String> {
        match self {
            Node::Null => Some("null".to_owned()),
            Node::Bool(value) => Some(value.to_string()),
            Node::Int(value) => Some(value.to_string()),
            Node::Float(value) => Some(value.to_string()),
            Node::Str(value) => Some(value.clone()),
            Node::Seq(_) | Node::Map(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a plain YAML value (custom tags are not supported)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Int(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(i64::try_from(value).map_or(Node::Float(value as f64), Node::Int))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Str(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Node, E> {
        Ok(Node::Str(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut mapping = Mapping::default();
        while let Some(key) = map.next_key::<Node>()? {
            let value: Node = map.next_value()?;
            let Some(key) = key.key_text() else {
                mapping.complex_keys += 1;
                continue;
            };
            if mapping.entries.iter().any(|(name, _)| *name == key) {
                let seen = mapping
                    .duplicates
                    .iter()
                    .filter(|(name, _)| *name == key)
                    .count();
                mapping.duplicates.push((key, seen + 2));
            } else {
                mapping.entries.push((key, value));
            }
        }
        Ok(Node::Map(mapping))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_notes_duplicates() {
        let node: Node = serde_yaml::from_str("b: 1\na: 2\nb: 3\nb: 4\n200: ok\n").unwrap();
        let Node::Map(mapping) = node else {
            panic!("not a mapping")
        };
        let keys: Vec<_> = mapping.entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "200"]);
        assert_eq!(mapping.get("b"), Some(&Node::Int(1)));
        assert_eq!(
            mapping.duplicates,
            [("b".to_owned(), 2), ("b".to_owned(), 3)]
        );
    }
}
