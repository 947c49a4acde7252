//! One schema on both backends: after every migration, SQLite and
//! PostgreSQL have the same tables, and each table has the same columns
//! (with the same type family and nullability), the same primary key, the
//! same UNIQUE constraints, the same indexes, the same CHECK constraints and
//! the same foreign keys. Needs the PostgreSQL server named by
//! GHISEU_TEST_DATABASE_URL; without one (a SQLite-only run) there is
//! nothing to compare and the test says so, but the comparison itself is
//! still shown catching a drift of each kind between two SQLite schemas.
//!
//! What is compared, and how each backend's catalogue is read into terms
//! both share:
//!
//! - **Column types**, by family (see [`sqlite_family`] and
//!   [`postgres_family`]). SQLite has one integer storage class, 64 bits
//!   wide, so the width of a PostgreSQL integer is not compared.
//! - **Nullability.** A primary-key column counts as NOT NULL on SQLite too,
//!   as on PostgreSQL, although SQLite's legacy rule lets a non-INTEGER
//!   primary-key column of a rowid table hold NULL unless it is also
//!   declared NOT NULL: the code always gives those columns a value.
//! - **Primary keys**, as the ordered column list.
//! - **UNIQUE constraints** (written in CREATE TABLE), as ordered column
//!   lists.
//! - **Indexes** made with CREATE INDEX: ordered column list, uniqueness and
//!   the predicate of a partial index. The indexes a backend makes by itself
//!   for a primary key or a UNIQUE constraint are left out on both sides
//!   (SQLite makes none for an INTEGER PRIMARY KEY, PostgreSQL always makes
//!   one), since those constraints are compared above. Names, sort
//!   direction and collation are not compared; an expression column is
//!   compared as `<expression>`.
//! - **CHECK constraints**, by the columns they read and their expression,
//!   normalised (see [`normalise`]): PostgreSQL gives back its own rewrite of
//!   what the migration said (`x IN ('a', 'b')` comes back as
//!   `(x = ANY (ARRAY['a'::text, 'b'::text]))`), SQLite the migration's text.
//! - **Foreign keys**: columns, referenced table and columns, ON DELETE and
//!   ON UPDATE.
//!
//! Triggers, defaults and identity/autoincrement are not compared: the audit
//! log's append-only triggers are written differently on each backend on
//! purpose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::testing::{TestDatabase, postgres_url};
use sqlx::any::install_default_drivers;
use sqlx::migrate::Migrator;
use sqlx::{AnyConnection, Connection, Executor, Row};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Table → what the comparison looks at in it.
type Shape = BTreeMap<String, Table>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Table {
    columns: BTreeMap<String, Column>,
    primary_key: Vec<String>,
    /// Column lists of UNIQUE constraints.
    unique: BTreeSet<Vec<String>>,
    indexes: BTreeSet<Index>,
    checks: BTreeSet<Check>,
    foreign_keys: BTreeSet<ForeignKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    family: String,
    nullable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Index {
    columns: Vec<String>,
    unique: bool,
    /// The normalised predicate of a partial index.
    predicate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Check {
    /// The table's columns the expression reads, sorted.
    columns: Vec<String>,
    /// The normalised expression.
    expression: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ForeignKey {
    columns: Vec<String>,
    table: String,
    references: Vec<String>,
    on_delete: String,
    on_update: String,
}

impl fmt::Display for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unique = if self.unique { "unique " } else { "" };
        write!(f, "{unique}index ({})", self.columns.join(", "))?;
        if let Some(predicate) = &self.predicate {
            write!(f, " where {predicate}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "CHECK ({}) on ({})",
            self.expression,
            self.columns.join(", ")
        )
    }
}

impl fmt::Display for ForeignKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "foreign key ({}) references {} ({}) on delete {} on update {}",
            self.columns.join(", "),
            self.table,
            self.references.join(", "),
            self.on_delete,
            self.on_update
        )
    }
}

/// The family of a type SQLite was given in CREATE TABLE or ALTER TABLE:
///
/// | family  | SQLite declared type                 | PostgreSQL type                      |
/// |---------|--------------------------------------|--------------------------------------|
/// | integer | INTEGER, INT, BIGINT, SMALLINT       | smallint, integer, bigint            |
/// | text    | TEXT, VARCHAR(n), CHARACTER(n), CLOB | text, character varying, character   |
/// | real    | REAL, DOUBLE [PRECISION], FLOAT      | real, double precision               |
/// | bytes   | BLOB                                 | bytea                                |
/// | boolean | BOOLEAN                              | boolean                              |
/// | numeric | NUMERIC(p, s), DECIMAL(p, s)         | numeric                              |
///
/// Any other type is its own family, by its lower-case name without a
/// length, so a type not in the table compares equal only to the same name
/// on the other side.
fn sqlite_family(declared: &str) -> String {
    let name = declared
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let family = match name.as_str() {
        "integer" | "int" | "bigint" | "smallint" => "integer",
        "text" | "varchar" | "character varying" | "char" | "character" | "clob" => "text",
        "real" | "double" | "double precision" | "float" => "real",
        "blob" => "bytes",
        "boolean" => "boolean",
        "numeric" | "decimal" => "numeric",
        "" => "none (SQLite column without a type)",
        other => return other.to_string(),
    };
    family.to_string()
}

/// The family of a PostgreSQL type, as `format_type` names it (see the table
/// at [`sqlite_family`]).
fn postgres_family(name: &str) -> String {
    let family = match name {
        "smallint" | "integer" | "bigint" => "integer",
        "text" | "character varying" | "character" => "text",
        "real" | "double precision" => "real",
        "bytea" => "bytes",
        "boolean" => "boolean",
        "numeric" => "numeric",
        other => return other.to_string(),
    };
    family.to_string()
}

/// A token of SQL text: a word (keyword, unquoted identifier in lower case,
/// number), a quoted identifier, a string literal with its quotes, or a
/// symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Literal(String),
    Symbol(String),
}

/// The tokens of SQL text, comments left out.
fn tokens(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && next == Some('-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == '\'' || c == '"' {
            // 'it''s' and "a ""b""": a doubled quote stays inside.
            let start = i;
            i += 1;
            while i < chars.len() {
                if chars[i] == c && chars.get(i + 1) == Some(&c) {
                    i += 2;
                } else if chars[i] == c {
                    i += 1;
                    break;
                } else {
                    i += 1;
                }
            }
            let text: String = chars[start..i.min(chars.len())].iter().collect();
            out.push(if c == '\'' {
                Token::Literal(text)
            } else {
                Token::Word(text.trim_matches('"').replace("\"\"", "\""))
            });
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '.')) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(Token::Word(word.to_lowercase()));
        } else {
            let pair: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            if matches!(
                pair.as_str(),
                "::" | "<>" | "!=" | ">=" | "<=" | "||" | "=="
            ) {
                out.push(Token::Symbol(pair));
                i += 2;
            } else {
                out.push(Token::Symbol(c.to_string()));
                i += 1;
            }
        }
    }
    out
}

fn word(t: &Token, w: &str) -> bool {
    matches!(t, Token::Word(x) if x == w)
}

fn symbol(t: &Token, s: &str) -> bool {
    matches!(t, Token::Symbol(x) if x == s)
}

/// An expression as one line both backends give alike: keywords and
/// unquoted names in lower case, parentheses and PostgreSQL's casts
/// (`'a'::text`) left out, `= ANY (ARRAY[…])` read as `IN (…)` and
/// `<> ALL (ARRAY[…])` as `NOT IN (…)`, `!=` as `<>` and `==` as `=`.
/// Dropping parentheses can make two differently grouped expressions look
/// alike; no migration relies on grouping to differ between backends.
fn normalise(expression: &[Token]) -> String {
    let mut kept: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < expression.len() {
        let t = &expression[i];
        if symbol(t, "(") || symbol(t, ")") {
            i += 1;
        } else if symbol(t, "::") {
            // The cast and its type: `character varying`, `double precision`
            // take two words.
            i += 2;
            if expression
                .get(i)
                .is_some_and(|t| word(t, "varying") || word(t, "precision"))
            {
                i += 1;
            }
        } else {
            kept.push(match t {
                Token::Symbol(s) if s == "!=" => Token::Symbol("<>".into()),
                Token::Symbol(s) if s == "==" => Token::Symbol("=".into()),
                other => other.clone(),
            });
            i += 1;
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let rest = &kept[i..];
        let array_after = |op: &str, quantifier: &str| {
            rest.len() >= 4
                && symbol(&rest[0], op)
                && word(&rest[1], quantifier)
                && word(&rest[2], "array")
                && symbol(&rest[3], "[")
        };
        if array_after("=", "any") {
            out.push("in".into());
            i += 4;
        } else if array_after("<>", "all") {
            out.push("not in".into());
            i += 4;
        } else {
            match &kept[i] {
                Token::Symbol(s) if s == "]" => {}
                Token::Word(w) | Token::Literal(w) | Token::Symbol(w) => out.push(w.clone()),
            }
            i += 1;
        }
    }
    out.join(" ").replace(" ,", ",")
}

/// The tokens inside the parentheses that open at `tokens[open]`, and the
/// position after the closing one.
fn parenthesised(tokens: &[Token], open: usize) -> (&[Token], usize) {
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        if symbol(t, "(") {
            depth += 1;
        } else if symbol(t, ")") {
            depth -= 1;
            if depth == 0 {
                return (&tokens[open + 1..i], i + 1);
            }
        }
    }
    (&tokens[(open + 1).min(tokens.len())..], tokens.len())
}

/// The table's columns an expression reads, sorted.
fn columns_read(expression: &[Token], columns: &BTreeMap<String, Column>) -> Vec<String> {
    let read: BTreeSet<String> = expression
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) if columns.contains_key(w) => Some(w.clone()),
            _ => None,
        })
        .collect();
    read.into_iter().collect()
}

/// The CHECK constraints of SQLite's CREATE TABLE text (which keeps the
/// migration's words, comments and all; ALTER TABLE ADD COLUMN appends to it).
fn sqlite_checks(create_table: &str, columns: &BTreeMap<String, Column>) -> BTreeSet<Check> {
    let tokens = tokens(create_table);
    let mut checks = BTreeSet::new();
    let mut i = 0;
    while i < tokens.len() {
        if word(&tokens[i], "check") && tokens.get(i + 1).is_some_and(|t| symbol(t, "(")) {
            let (expression, after) = parenthesised(&tokens, i + 1);
            checks.insert(Check {
                columns: columns_read(expression, columns),
                expression: normalise(expression),
            });
            i = after;
        } else {
            i += 1;
        }
    }
    checks
}

/// The predicate of a partial index, from SQLite's CREATE INDEX text.
fn sqlite_index_predicate(create_index: &str) -> Option<String> {
    let tokens = tokens(create_index);
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate() {
        if symbol(t, "(") {
            depth += 1;
        } else if symbol(t, ")") {
            depth -= 1;
        } else if depth == 0 && word(t, "where") {
            let rest = &tokens[i + 1..];
            let rest = rest
                .strip_suffix(&[Token::Symbol(";".into())])
                .unwrap_or(rest);
            return Some(normalise(rest));
        }
    }
    None
}

/// What a PostgreSQL expression text normalises to (see [`normalise`]).
fn postgres_expression(text: &str) -> String {
    normalise(&tokens(text))
}

/// PostgreSQL's one-letter foreign key actions, in SQLite's words.
fn postgres_action(code: &str) -> String {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => other,
    }
    .to_string()
}

fn list(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split(',').map(str::to_string).collect()
    }
}

async fn sqlite_shape(conn: &mut AnyConnection) -> Shape {
    let tables = sqlx::query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let mut shape = Shape::new();
    for row in tables {
        let name: String = row.try_get("name").unwrap();
        let create_table: String = row.try_get("sql").unwrap();
        let mut table = Table::default();

        let columns = sqlx::query(&format!(
            "SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info('{name}')"
        ))
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        let mut primary_key = Vec::new();
        for c in &columns {
            let column: String = c.try_get("name").unwrap();
            let not_null: i64 = c.try_get("not_null").unwrap();
            let pk: i64 = c.try_get("pk").unwrap();
            let declared: String = c.try_get("type").unwrap();
            if pk > 0 {
                primary_key.push((pk, column.clone()));
            }
            table.columns.insert(
                column,
                Column {
                    family: sqlite_family(&declared),
                    // A primary-key column counts as NOT NULL, as PostgreSQL
                    // makes it, although SQLite would take a NULL in one that
                    // is not INTEGER nor declared NOT NULL (see the top).
                    nullable: not_null == 0 && pk == 0,
                },
            );
        }
        primary_key.sort();
        table.primary_key = primary_key.into_iter().map(|(_, c)| c).collect();

        let indexes = sqlx::query(&format!(
            "SELECT l.name, l.\"unique\" AS is_unique, l.origin, m.sql \
             FROM pragma_index_list('{name}') l \
             LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name"
        ))
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        for index in indexes {
            let index_name: String = index.try_get("name").unwrap();
            let origin: String = index.try_get("origin").unwrap();
            let unique: i64 = index.try_get("is_unique").unwrap();
            let sql: Option<String> = index.try_get("sql").unwrap();
            let columns: Vec<String> = sqlx::query(&format!(
                "SELECT name FROM pragma_index_info('{index_name}') ORDER BY seqno"
            ))
            .fetch_all(&mut *conn)
            .await
            .unwrap()
            .iter()
            .map(|c| {
                c.try_get::<Option<String>, _>("name")
                    .unwrap()
                    .unwrap_or_else(|| "<expression>".into())
            })
            .collect();
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    table.unique.insert(columns);
                }
                _ => {
                    table.indexes.insert(Index {
                        columns,
                        unique: unique != 0,
                        predicate: sql.as_deref().and_then(sqlite_index_predicate),
                    });
                }
            }
        }

        let keys = sqlx::query(&format!(
            "SELECT id, \"table\" AS parent, \"from\" AS child_column, \"to\" AS parent_column, \
             on_update, on_delete FROM pragma_foreign_key_list('{name}') ORDER BY id, seq"
        ))
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for key in keys {
            let id: i64 = key.try_get("id").unwrap();
            let entry = by_id.entry(id).or_insert_with(|| ForeignKey {
                columns: Vec::new(),
                table: key.try_get("parent").unwrap(),
                references: Vec::new(),
                on_delete: key.try_get("on_delete").unwrap(),
                on_update: key.try_get("on_update").unwrap(),
            });
            entry.columns.push(key.try_get("child_column").unwrap());
            // NULL when the key names only the table: its primary key, below.
            if let Some(to) = key.try_get::<Option<String>, _>("parent_column").unwrap() {
                entry.references.push(to);
            }
        }
        table.foreign_keys = by_id.into_values().collect();
        table.checks = sqlite_checks(&create_table, &table.columns);
        shape.insert(name, table);
    }
    // `REFERENCES t` without columns means t's primary key.
    let primary_keys: BTreeMap<String, Vec<String>> = shape
        .iter()
        .map(|(name, table)| (name.clone(), table.primary_key.clone()))
        .collect();
    for table in shape.values_mut() {
        table.foreign_keys = std::mem::take(&mut table.foreign_keys)
            .into_iter()
            .map(|mut key| {
                if key.references.is_empty() {
                    key.references = primary_keys.get(&key.table).cloned().unwrap_or_default();
                }
                key
            })
            .collect();
    }
    shape
}

/// The shape of the connection's current schema (its search_path's first).
async fn postgres_shape(conn: &mut AnyConnection) -> Shape {
    let mut shape = Shape::new();
    let columns = sqlx::query(
        "SELECT c.relname::text AS t, a.attname::text AS c, \
         format_type(a.atttypid, NULL) AS ty, NOT a.attnotnull AS nullable \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') \
         AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for row in columns {
        let ty: String = row.try_get("ty").unwrap();
        shape
            .entry(row.try_get("t").unwrap())
            .or_default()
            .columns
            .insert(
                row.try_get("c").unwrap(),
                Column {
                    family: postgres_family(&ty),
                    nullable: row.try_get("nullable").unwrap(),
                },
            );
    }

    // Constraints, their columns in the order they were declared.
    let constraints = sqlx::query(
        "SELECT t.relname::text AS t, con.contype::text AS kind, \
         array_to_string(ARRAY(SELECT a.attname::text FROM unnest(con.conkey) \
             WITH ORDINALITY AS k(n, i) JOIN pg_attribute a \
             ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), ',') AS columns, \
         coalesce(f.relname::text, '') AS parent, \
         array_to_string(ARRAY(SELECT a.attname::text FROM unnest(con.confkey) \
             WITH ORDINALITY AS k(n, i) JOIN pg_attribute a \
             ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i), ',') AS parent_columns, \
         con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update, \
         coalesce(pg_get_expr(con.conbin, con.conrelid), '') AS expression \
         FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         LEFT JOIN pg_class f ON f.oid = con.confrelid \
         WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'c', 'f') \
         AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for row in constraints {
        let kind: String = row.try_get("kind").unwrap();
        let columns = list(&row.try_get::<String, _>("columns").unwrap());
        let table = shape.entry(row.try_get("t").unwrap()).or_default();
        match kind.as_str() {
            "p" => table.primary_key = columns,
            "u" => {
                table.unique.insert(columns);
            }
            "c" => {
                let mut columns = columns;
                columns.sort();
                table.checks.insert(Check {
                    columns,
                    expression: postgres_expression(
                        &row.try_get::<String, _>("expression").unwrap(),
                    ),
                });
            }
            _ => {
                table.foreign_keys.insert(ForeignKey {
                    columns,
                    table: row.try_get("parent").unwrap(),
                    references: list(&row.try_get::<String, _>("parent_columns").unwrap()),
                    on_delete: postgres_action(&row.try_get::<String, _>("on_delete").unwrap()),
                    on_update: postgres_action(&row.try_get::<String, _>("on_update").unwrap()),
                });
            }
        }
    }

    // Indexes not made for a primary key or UNIQUE constraint; key columns
    // only (not INCLUDE ones), an expression as `<expression>`.
    let indexes = sqlx::query(
        "SELECT t.relname::text AS t, ix.indisunique AS is_unique, \
         array_to_string(ARRAY(SELECT coalesce(a.attname::text, '<expression>') \
             FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(n, i) \
             LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n \
             WHERE k.i <= ix.indnkeyatts ORDER BY k.i), ',') AS columns, \
         coalesce(pg_get_expr(ix.indpred, ix.indrelid), '') AS predicate \
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname = current_schema() AND t.relname <> '_sqlx_migrations' \
         AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid \
             AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u'))",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for row in indexes {
        let predicate: String = row.try_get("predicate").unwrap();
        shape
            .entry(row.try_get("t").unwrap())
            .or_default()
            .indexes
            .insert(Index {
                columns: list(&row.try_get::<String, _>("columns").unwrap()),
                unique: row.try_get("is_unique").unwrap(),
                predicate: (!predicate.is_empty()).then(|| postgres_expression(&predicate)),
            });
    }
    shape
}

/// The lines of what one set holds and the other lacks, each way.
fn set_differences<T: Ord + fmt::Display>(
    table: &str,
    sqlite: &BTreeSet<T>,
    postgres: &BTreeSet<T>,
    found: &mut Vec<String>,
) {
    for only in sqlite.difference(postgres) {
        found.push(format!("{table}: {only} only on SQLite"));
    }
    for only in postgres.difference(sqlite) {
        found.push(format!("{table}: {only} only on PostgreSQL"));
    }
}

/// What differs between the two shapes, a line each.
fn differences(sqlite: &Shape, postgres: &Shape) -> Vec<String> {
    let mut found = Vec::new();
    for table in sqlite.keys().chain(postgres.keys()) {
        match (sqlite.get(table), postgres.get(table)) {
            (Some(a), Some(b)) if a != b => {
                for column in a.columns.keys().chain(b.columns.keys()) {
                    match (a.columns.get(column), b.columns.get(column)) {
                        (Some(x), Some(y)) => {
                            if x.nullable != y.nullable {
                                found.push(format!(
                                    "{table}.{column}: SQLite nullable {}, PostgreSQL nullable {}",
                                    x.nullable, y.nullable
                                ));
                            }
                            if x.family != y.family {
                                found.push(format!(
                                    "{table}.{column}: SQLite type {}, PostgreSQL type {}",
                                    x.family, y.family
                                ));
                            }
                        }
                        (Some(_), None) => found.push(format!("{table}.{column}: only on SQLite")),
                        (None, Some(_)) => {
                            found.push(format!("{table}.{column}: only on PostgreSQL"))
                        }
                        (None, None) => {}
                    }
                }
                if a.primary_key != b.primary_key {
                    found.push(format!(
                        "{table}: primary key ({}) on SQLite, ({}) on PostgreSQL",
                        a.primary_key.join(", "),
                        b.primary_key.join(", ")
                    ));
                }
                let unique = |t: &Table| -> BTreeSet<String> {
                    t.unique
                        .iter()
                        .map(|c| format!("unique ({})", c.join(", ")))
                        .collect()
                };
                set_differences(table, &unique(a), &unique(b), &mut found);
                set_differences(table, &a.indexes, &b.indexes, &mut found);
                set_differences(table, &a.checks, &b.checks, &mut found);
                set_differences(table, &a.foreign_keys, &b.foreign_keys, &mut found);
            }
            (Some(_), None) => found.push(format!("{table}: only on SQLite")),
            (None, Some(_)) => found.push(format!("{table}: only on PostgreSQL")),
            _ => {}
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Known differences between the backends' migrations, accepted: the
/// version of the migration from which on each is accepted, and the line
/// `differences` gives. None today; an entry needs a comment saying why it
/// is accepted (a migration once applied is never edited: a drift is mended
/// by a new migration, or accepted here).
const ALLOWED: &[(i64, &str)] = &[];

/// A fresh SQLite database in memory.
async fn sqlite_memory() -> AnyConnection {
    install_default_drivers();
    AnyConnection::connect("sqlite::memory:").await.unwrap()
}

/// A connection to the test server whose search_path starts with a new,
/// empty schema, and that schema's name (drop it with [`drop_schema`]).
async fn postgres_schema(url: &str) -> (AnyConnection, String) {
    install_default_drivers();
    let mut conn = AnyConnection::connect(url).await.unwrap();
    let schema = format!("parity_{}", uuid::Uuid::new_v4().simple());
    conn.execute(format!("CREATE SCHEMA {schema}; SET search_path TO {schema}").as_str())
        .await
        .unwrap();
    (conn, schema)
}

async fn drop_schema(mut conn: AnyConnection, schema: &str) {
    conn.execute(format!("DROP SCHEMA {schema} CASCADE").as_str())
        .await
        .unwrap();
    let _ = conn.close().await;
}

#[tokio::test]
async fn both_backends_have_the_same_schema_after_every_migration() {
    install_default_drivers();
    let sqlite_migrations: Migrator = sqlx::migrate!("./migrations/sqlite");
    let postgres_migrations: Migrator = sqlx::migrate!("./migrations/postgres");
    let versions: BTreeSet<i64> = sqlite_migrations
        .iter()
        .chain(postgres_migrations.iter())
        .map(|m| m.version)
        .collect();

    // What the server's own migrator makes, on SQLite.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
    let db = ghiseu_storage::Database::connect(&url).await.unwrap();
    let mut conn = AnyConnection::connect(&url).await.unwrap();
    let on_sqlite = sqlite_shape(&mut conn).await;
    let _ = conn.close().await;
    db.close().await;
    assert!(
        on_sqlite.len() > 20,
        "the migrations ran: {:?}",
        on_sqlite.keys()
    );

    let Some(admin_url) = postgres_url() else {
        eprintln!("no PostgreSQL named by GHISEU_TEST_DATABASE_URL: nothing to compare");
        return;
    };
    let postgres = TestDatabase::new().await;
    let mut conn = AnyConnection::connect(&postgres.url).await.unwrap();
    let on_postgres = postgres_shape(&mut conn).await;
    let _ = conn.close().await;
    postgres.cleanup().await;

    // One migration at a time, on both: the same SQL the migrators run, the
    // shapes compared after each.
    let mut sqlite_steps = sqlite_memory().await;
    let (mut postgres_steps, schema) = postgres_schema(&admin_url).await;
    let mut unexpected = Vec::new();
    let mut reported = BTreeSet::new();
    let mut allowed_seen = BTreeSet::new();
    let mut last = (Shape::new(), Shape::new());
    for version in &versions {
        let mut name = version.to_string();
        for (migrations, conn) in [
            (&sqlite_migrations, &mut sqlite_steps),
            (&postgres_migrations, &mut postgres_steps),
        ] {
            if let Some(m) = migrations.iter().find(|m| m.version == *version) {
                // In a transaction of its own unless it says `-- no-transaction`,
                // as the migrator runs it.
                let failed = |e: sqlx::Error| panic!("migration {version}: {e}");
                if m.no_tx {
                    sqlx::raw_sql(&m.sql)
                        .execute(&mut *conn)
                        .await
                        .unwrap_or_else(failed);
                } else {
                    let mut tx = conn.begin().await.unwrap();
                    sqlx::raw_sql(&m.sql)
                        .execute(&mut *tx)
                        .await
                        .unwrap_or_else(failed);
                    tx.commit().await.unwrap();
                }
                name = format!("{version}_{}", m.description.replace(' ', "_"));
            }
        }
        last = (
            sqlite_shape(&mut sqlite_steps).await,
            postgres_shape(&mut postgres_steps).await,
        );
        for difference in differences(&last.0, &last.1) {
            match ALLOWED
                .iter()
                .find(|(since, allowed)| since <= version && *allowed == difference)
            {
                Some(allowed) => {
                    allowed_seen.insert(*allowed);
                }
                // A drift is told once, after the migration that made it.
                None if reported.insert(difference.clone()) => {
                    unexpected.push(format!("after {name}: {difference}"));
                }
                None => {}
            }
        }
    }
    drop_schema(postgres_steps, &schema).await;
    let _ = sqlite_steps.close().await;

    assert_eq!(
        unexpected,
        Vec::<String>::new(),
        "the backends drifted apart"
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .filter(|allowed| !allowed_seen.contains(*allowed))
        .collect();
    assert!(
        stale.is_empty(),
        "allowed differences no longer seen: {stale:?}"
    );

    // Applied one at a time, the migrations give what the migrators give.
    assert_eq!(last.0, on_sqlite, "SQLite, migrated step by step");
    assert_eq!(last.1, on_postgres, "PostgreSQL, migrated step by step");
    assert_eq!(differences(&on_sqlite, &on_postgres), Vec::<String>::new());

    // The comparison itself sees a drift: a column made nullable on one side,
    // and a table on one side only.
    let mut drifted = on_postgres.clone();
    let (table, shape) = drifted.iter_mut().next().unwrap();
    let table = table.clone();
    let (column, details) = shape.columns.iter_mut().next().unwrap();
    let column = column.clone();
    details.nullable = !details.nullable;
    drifted.insert("only_here".into(), Table::default());
    let seen = differences(&on_sqlite, &drifted);
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(
        seen[0] == "only_here: only on PostgreSQL" || seen[1] == "only_here: only on PostgreSQL"
    );
    assert!(
        seen.iter()
            .any(|d| d.starts_with(&format!("{table}.{column}:")))
    );
}

/// A small schema with one of everything the comparison looks at, written
/// as the migrations are: the same text on both backends but for `{bytes}`.
const SYNTHETIC: &str = "
CREATE TABLE parents (
    id TEXT PRIMARY KEY,
    code VARCHAR(12) NOT NULL UNIQUE,
    born INTEGER,
    weight REAL,
    score DOUBLE PRECISION,
    photo {bytes},
    active BOOLEAN NOT NULL,
    amount BIGINT NOT NULL CHECK (amount >= 0),
    -- open or closed
    state TEXT NOT NULL CHECK (state IN ('open', 'closed'))
);
CREATE INDEX parents_born ON parents (born, weight);
CREATE UNIQUE INDEX parents_one_open ON parents (code) WHERE state = 'open';
CREATE TABLE children (
    parent_id TEXT NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
    place BIGINT NOT NULL,
    label TEXT,
    PRIMARY KEY (parent_id, place),
    UNIQUE (parent_id, label),
    CHECK (place > 0 AND place <= 100)
);
";

/// The differences the comparison finds between the synthetic schema on
/// SQLite and the same schema with each `(from, to)` of `changes` made on
/// PostgreSQL (or, without a PostgreSQL server, on SQLite again).
async fn drift(changes: &[(&str, &str)]) -> Vec<String> {
    let mut changed = SYNTHETIC.to_string();
    for (from, to) in changes {
        assert!(changed.contains(from), "{from}");
        changed = changed.replace(from, to);
    }
    let mut sqlite = sqlite_memory().await;
    sqlx::raw_sql(&SYNTHETIC.replace("{bytes}", "BLOB"))
        .execute(&mut sqlite)
        .await
        .unwrap();
    let before = sqlite_shape(&mut sqlite).await;
    let _ = sqlite.close().await;
    let after = match postgres_url() {
        Some(url) => {
            let (mut conn, schema) = postgres_schema(&url).await;
            sqlx::raw_sql(&changed.replace("{bytes}", "BYTEA"))
                .execute(&mut conn)
                .await
                .unwrap();
            let shape = postgres_shape(&mut conn).await;
            drop_schema(conn, &schema).await;
            shape
        }
        None => {
            let mut other = sqlite_memory().await;
            sqlx::raw_sql(&changed.replace("{bytes}", "BLOB"))
                .execute(&mut other)
                .await
                .unwrap();
            let shape = sqlite_shape(&mut other).await;
            let _ = other.close().await;
            shape
        }
    };
    differences(&before, &after)
}

#[tokio::test]
async fn the_synthetic_schema_is_alike_on_both_backends() {
    assert_eq!(drift(&[]).await, Vec::<String>::new());
}

#[tokio::test]
async fn a_type_drift_is_seen() {
    assert_eq!(
        drift(&[("born INTEGER", "born TEXT")]).await,
        ["parents.born: SQLite type integer, PostgreSQL type text"]
    );
    assert_eq!(
        drift(&[("photo {bytes}", "photo TEXT")]).await,
        ["parents.photo: SQLite type bytes, PostgreSQL type text"]
    );
    // Widths are not told apart: SQLite's integers are all 64 bits.
    assert_eq!(
        drift(&[("born INTEGER", "born BIGINT")]).await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn a_nullability_drift_is_seen() {
    assert_eq!(
        drift(&[("label TEXT,", "label TEXT NOT NULL,")]).await,
        ["children.label: SQLite nullable true, PostgreSQL nullable false"]
    );
}

#[tokio::test]
async fn an_index_drift_is_seen() {
    // Another column, uniqueness, another predicate, one index more.
    assert_eq!(
        drift(&[("(born, weight)", "(born, score)")]).await,
        [
            "parents: index (born, score) only on PostgreSQL",
            "parents: index (born, weight) only on SQLite",
        ]
    );
    assert_eq!(
        drift(&[(
            "CREATE INDEX parents_born",
            "CREATE UNIQUE INDEX parents_born"
        )])
        .await,
        [
            "parents: index (born, weight) only on SQLite",
            "parents: unique index (born, weight) only on PostgreSQL",
        ]
    );
    assert_eq!(
        drift(&[("WHERE state = 'open'", "WHERE state = 'closed'")]).await,
        [
            "parents: unique index (code) where state = 'closed' only on PostgreSQL",
            "parents: unique index (code) where state = 'open' only on SQLite",
        ]
    );
    assert_eq!(
        drift(&[(
            "CREATE TABLE children",
            "CREATE INDEX parents_state ON parents (state);\nCREATE TABLE children"
        )])
        .await,
        ["parents: index (state) only on PostgreSQL"]
    );
}

#[tokio::test]
async fn a_unique_constraint_drift_is_seen() {
    assert_eq!(
        drift(&[("UNIQUE (parent_id, label),", "")]).await,
        ["children: unique (parent_id, label) only on SQLite"]
    );
    // The same columns, unique through an index rather than a constraint.
    assert_eq!(
        drift(&[
            ("UNIQUE (parent_id, label),", ""),
            (
                "CHECK (place > 0 AND place <= 100)\n);",
                "CHECK (place > 0 AND place <= 100)\n);\n\
                 CREATE UNIQUE INDEX children_label ON children (parent_id, label);"
            ),
        ])
        .await,
        [
            "children: unique (parent_id, label) only on SQLite",
            "children: unique index (parent_id, label) only on PostgreSQL",
        ]
    );
}

#[tokio::test]
async fn a_primary_key_drift_is_seen() {
    assert_eq!(
        drift(&[(
            "PRIMARY KEY (parent_id, place)",
            "PRIMARY KEY (place, parent_id)"
        )])
        .await,
        ["children: primary key (parent_id, place) on SQLite, (place, parent_id) on PostgreSQL"]
    );
}

#[tokio::test]
async fn a_check_drift_is_seen() {
    assert_eq!(
        drift(&[("CHECK (amount >= 0)", "CHECK (amount > 0)")]).await,
        [
            "parents: CHECK (amount > 0) on (amount) only on PostgreSQL",
            "parents: CHECK (amount >= 0) on (amount) only on SQLite",
        ]
    );
    assert_eq!(
        drift(&[("('open', 'closed')", "('open', 'closed', 'lost')")]).await,
        [
            "parents: CHECK (state in 'open', 'closed') on (state) only on SQLite",
            "parents: CHECK (state in 'open', 'closed', 'lost') on (state) only on PostgreSQL",
        ]
    );
    assert_eq!(
        drift(&[(",\n    CHECK (place > 0 AND place <= 100)", "")]).await,
        ["children: CHECK (place > 0 and place <= 100) on (place) only on SQLite"]
    );
}

#[tokio::test]
async fn a_foreign_key_drift_is_seen() {
    assert_eq!(
        drift(&[(" ON DELETE CASCADE", "")]).await,
        [
            "children: foreign key (parent_id) references parents (id) \
             on delete CASCADE on update NO ACTION only on SQLite",
            "children: foreign key (parent_id) references parents (id) \
             on delete NO ACTION on update NO ACTION only on PostgreSQL",
        ]
    );
}

#[test]
fn expressions_normalise_alike() {
    let sqlite = |s: &str| normalise(&tokens(s));
    assert_eq!(
        postgres_expression("(status = ANY (ARRAY['due'::text, 'paid'::text, 'refunded'::text]))"),
        sqlite("status IN ('due', 'paid', 'refunded')")
    );
    assert_eq!(
        postgres_expression("(active = ANY (ARRAY[(0)::bigint, (1)::bigint]))"),
        sqlite("active IN (0, 1)")
    );
    assert_eq!(
        postgres_expression("((holder_person_id IS NULL) <> (holder_ward_id IS NULL))"),
        sqlite("(holder_person_id IS NULL) <> (holder_ward_id IS NULL)")
    );
    assert_eq!(
        postgres_expression(
            "(kind <> ALL (ARRAY['a'::character varying, 'b'::character varying]))"
        ),
        sqlite("kind NOT IN ('a', 'b')")
    );
    assert_eq!(sqlite("a != 'It''s'"), "a <> 'It''s'");
    assert_ne!(sqlite("a = 'X'"), sqlite("a = 'x'"));
}
