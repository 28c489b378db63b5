//! Query parameters: read once, each parsed by its own rule, errors naming the parameter; a
//! parameter the endpoint does not know is an error too (a typo never silently widens a list).

use std::collections::BTreeMap;
use std::str::FromStr;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use camsweep_app::AppError;

use crate::problem::Problem;

/// An endpoint's query parameters, taken one by one; [`Params::finish`] refuses the rest.
#[derive(Debug)]
pub struct Params {
    values: BTreeMap<String, String>,
}

impl Params {
    pub fn new(
        query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    ) -> Result<Self, Problem> {
        let Query(pairs) = query.map_err(|e| AppError::invalid(e.body_text()))?;
        let mut values = BTreeMap::new();
        for (key, value) in pairs {
            if values.insert(key.clone(), value).is_some() {
                return Err(AppError::invalid_field(&key, "given more than once").into());
            }
        }
        Ok(Self { values })
    }

    /// A text parameter (empty counts as absent).
    pub fn text(&mut self, name: &str) -> Option<String> {
        self.values.remove(name).filter(|v| !v.is_empty())
    }

    /// A parameter parsed by its type's `FromStr` (a vocabulary word, a number).
    pub fn parsed<T>(&mut self, name: &str) -> Result<Option<T>, AppError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        self.text(name)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|e| AppError::invalid_field(name, format!("{v:?}: {e}")))
            })
            .transpose()
    }

    /// `true` or `false`.
    pub fn flag(&mut self, name: &str) -> Result<Option<bool>, AppError> {
        self.text(name)
            .map(|v| match v.as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(AppError::invalid_field(
                    name,
                    format!("{v:?}: give true or false"),
                )),
            })
            .transpose()
    }

    /// Refuses any parameter not taken.
    pub fn finish(self) -> Result<(), AppError> {
        match self.values.keys().next() {
            None => Ok(()),
            Some(name) => Err(AppError::invalid_field(
                name,
                "not a parameter of this endpoint (see /api/v1/openapi.json)",
            )),
        }
    }
}
