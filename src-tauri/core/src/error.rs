//! Typed errors. Every error has a stable `code` and a human message; the UI
//! receives them as `{code, message}` ([`ErrorPayload`]), the CLI prints the message.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// A file could not be read as a document (empty, binary, corrupt, too large, ...).
    #[error("{file}: {reason}")]
    Import { file: String, reason: String },

    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("library database: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("{0} not found")]
    NotFound(String),

    #[error("{0}")]
    InvalidInput(String),

    #[error("{0}")]
    Export(String),

    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// A stable machine-readable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import { .. } => "import_failed",
            Error::Io { .. } => "io",
            Error::Database(_) => "database",
            Error::NotFound(_) => "not_found",
            Error::InvalidInput(_) => "invalid_input",
            Error::Export(_) => "export_failed",
            Error::Json(_) => "json",
        }
    }

    pub fn import(file: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Import {
            file: file.into(),
            reason: reason.into(),
        }
    }

    pub fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: self.to_string(),
        }
    }
}

/// What the UI receives for a failed command.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        e.payload()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
