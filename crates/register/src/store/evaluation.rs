//! An evaluation: identifications and findings recomputed, stored in batched writes.

use camsweep_model::{HistoryAction, HistoryEntity};
use std::collections::{HashMap, HashSet};

use camsweep_model::Identification;
use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use crate::error::{QueryContext, RegisterError};
use crate::store::now_rfc3339;
use crate::types::*;

impl<B: Backend> Store<B>
where
    for<'c> &'c mut B::Connection: Executor<'c, Database = B>,
    String: Column<B>,
    Option<String>: Column<B>,
    i64: Column<B>,
    Option<i64>: Column<B>,
    bool: Column<B>,
    f64: Column<B>,
    for<'q> &'q str: sqlx::Encode<'q, B> + sqlx::Type<B>,
    for<'r> &'r str: sqlx::ColumnIndex<B::Row>,
    usize: sqlx::ColumnIndex<B::Row>,
{
    /// Stores recomputed identifications and the findings the policies now report, in one
    /// transaction. Findings are keyed by (device, pack, rule): a new key opens a finding, a
    /// key no longer reported resolves it, a resolved key reported again reopens it. Devices
    /// not in `results` (e.g. missing ones) get their open findings resolved.
    pub async fn apply_evaluation(
        &self,
        results: &[(String, Identification, Vec<NewFinding>)],
        actor: &str,
    ) -> Result<EvaluationDelta, RegisterError> {
        let mut tx = self.begin_evaluation_tx().await?;
        let (delta, _) =
            Self::evaluation_in(&mut tx, results, actor, &now_rfc3339(), self.chunks()).await?;
        tx.commit().await.during("committing the evaluation")?;
        Ok(delta)
    }

    /// [`Self::apply_evaluation`], then the remediation plan brought in line with the findings,
    /// all in **one** transaction (an evaluation interrupted anywhere leaves the register as it
    /// was). `decide` sees every finding as the evaluation left it (status as of `today`, so
    /// under an unexpired waiver it is `Waived`), oldest first, with its plan item if any, and
    /// returns the change to store (stored as [`Self::apply_plan_changes`] does). The same
    /// steps as [`Self::begin_evaluation`]'s unit of work, with the decision as a callback.
    pub async fn apply_evaluation_and_plan<F>(
        &self,
        results: &[(String, Identification, Vec<NewFinding>)],
        today: &str,
        actor: &str,
        mut decide: F,
    ) -> Result<EvaluationDelta, RegisterError>
    where
        F: FnMut(&FindingState, Option<&PlanItem>) -> Option<PlanChange>,
    {
        let mut unit = self.begin_evaluation().await?;
        let (delta, findings) = unit.apply_findings(results, today, actor).await?;
        let items = unit.plan_items_by_finding().await?;
        let changes: Vec<PlanChange> = findings
            .iter()
            .filter_map(|state| decide(state, items.get(&state.id)))
            .collect();
        drop(items);
        unit.apply_plan_changes(&changes, actor).await?;
        unit.commit().await?;
        Ok(delta)
    }

    /// Opens an evaluation's unit of work: one transaction, one evaluation at a time, that the
    /// caller drives: [`EvaluationTx::apply_findings`], [`EvaluationTx::plan_items_by_finding`],
    /// decide (the caller's pure function), [`EvaluationTx::apply_plan_changes`],
    /// [`EvaluationTx::commit`]. Dropped without `commit`, it stores nothing.
    pub async fn begin_evaluation(&self) -> Result<EvaluationTx<B>, RegisterError> {
        Ok(EvaluationTx {
            tx: self.begin_evaluation_tx().await?,
            chunks: self.chunks(),
        })
    }

    /// The body of [`Store::apply_evaluation`] inside `tx`: returns what changed and every finding
    /// as the evaluation left it, with its `first_seen` (status `Open` or `Resolved`; waivers are
    /// not looked at here).
    pub(crate) async fn evaluation_in(
        tx: &mut Tx<B>,
        results: &[(String, Identification, Vec<NewFinding>)],
        actor: &str,
        at: &str,
        chunks: Chunks,
    ) -> Result<(EvaluationDelta, Vec<(String, FindingState)>), RegisterError> {
        use futures::TryStreamExt as _;
        let mut delta = EvaluationDelta {
            devices: results.len(),
            ..EvaluationDelta::default()
        };
        // Each stored finding by key, with a digest of its content: a finding reported again
        // unchanged (the usual case) needs only its `last_seen` moved, many ids per UPDATE. Read
        // as a stream, so the texts are hashed and dropped row by row.
        let mut by_key: HashMap<FindingKey, StoredFinding> = HashMap::new();
        {
            let mut rows = sqlx::query_as::<_, ExistingFindingRow>(
                "SELECT id, device_id, pack, rule, status, title, severity, action, citation_document,
                        citation_paragraph, citation_url, message, due, due_basis, first_seen
                 FROM findings",
            )
            .fetch(&mut **tx);
            while let Some(row) = rows.try_next().await.during("reading findings")? {
                let digest = finding_digest(&row.finding);
                by_key.insert(
                    (row.device_id, row.finding.pack, row.finding.rule),
                    (row.id, row.status, digest, row.first_seen),
                );
            }
        }
        // Each device's stored identification: the columns history compares, and the document.
        let mut current: HashMap<String, StoredIdentification> = HashMap::new();
        {
            let mut rows = sqlx::query_as::<_, IdentificationRow>(
                "SELECT device_id, manufacturer, model, device_type, document FROM identifications",
            )
            .fetch(&mut **tx);
            while let Some(row) = rows.try_next().await.during("reading identifications")? {
                current.insert(row.device_id, (row.columns, row.document));
            }
        }

        let mut writer = EvaluationWriter::new(at, actor, chunks);
        let mut states: Vec<(String, FindingState)> = Vec::with_capacity(by_key.len());
        for (device_id, identification, findings) in results {
            let previous = current.get(device_id);
            // Same document text (the usual case, and cheaper than parsing it), else compared as
            // values (a document written by an older version may differ only in form).
            let document = serde_json::to_string(identification).unwrap_or_default();
            let changed = match previous {
                Some((_, doc)) => {
                    *doc != document
                        && serde_json::from_str::<Identification>(doc).ok().as_ref()
                            != Some(identification)
                }
                None => true,
            };
            if changed {
                let now = IdentificationColumns::of(identification);
                let previous_columns = previous.map(|(columns, _)| columns);
                if let Some(line) = identification_history(at, device_id, previous_columns, &now) {
                    writer.history.push(line);
                }
                if writer.identified.contains(device_id.as_str()) {
                    // The same device twice: one upsert may not touch a row twice.
                    Self::flush(&mut writer, tx, true).await?;
                }
                writer.identified.insert(device_id);
                writer
                    .identifications
                    .push((device_id, identification, document.clone()));
                current.insert(device_id.clone(), (now, document));
                delta.identifications_changed += 1;
            }
            for f in findings {
                let key = (device_id.clone(), f.pack.clone(), f.rule.clone());
                let state = |id: String, first_seen: String| {
                    (
                        first_seen,
                        FindingState {
                            id,
                            device_id: device_id.clone(),
                            pack: f.pack.clone(),
                            rule: f.rule.clone(),
                            status: FindingStatus::Open,
                        },
                    )
                };
                match by_key.remove(&key) {
                    Some((id, status, digest, first_seen))
                        if status == "open" && digest == finding_digest(f) =>
                    {
                        writer.seen_again.push(id.clone());
                        states.push(state(id, first_seen));
                        delta.findings_still_open += 1;
                    }
                    Some((id, status, _, first_seen)) => {
                        writer.rewritten.push((id.clone(), f));
                        if status == "resolved" {
                            writer.history.push(HistoryLine::new(
                                at,
                                HistoryEntity::Finding,
                                &id,
                                HistoryAction::Reopened,
                                None,
                                json(f),
                            ));
                            delta.findings_new += 1;
                        } else {
                            delta.findings_still_open += 1;
                        }
                        states.push(state(id, first_seen));
                    }
                    None => {
                        let id = uuid::Uuid::now_v7().to_string();
                        writer.opened.push((id.clone(), device_id, f));
                        writer.history.push(HistoryLine::new(
                            at,
                            HistoryEntity::Finding,
                            &id,
                            HistoryAction::Opened,
                            None,
                            json(f),
                        ));
                        states.push(state(id, at.to_owned()));
                        delta.findings_new += 1;
                    }
                }
            }
            Self::flush(&mut writer, tx, false).await?;
        }
        drop(current);
        // Whatever was not reported again is resolved.
        for ((device_id, pack, rule), (id, status, _, first_seen)) in by_key {
            if status == "open" {
                writer.resolved.push(id.clone());
                writer.history.push(HistoryLine::new(
                    at,
                    HistoryEntity::Finding,
                    &id,
                    HistoryAction::Resolved,
                    None,
                    None,
                ));
                delta.findings_resolved += 1;
                Self::flush(&mut writer, tx, false).await?;
            }
            states.push((
                first_seen,
                FindingState {
                    id,
                    device_id,
                    pack,
                    rule,
                    status: FindingStatus::Resolved,
                },
            ));
        }
        Self::flush(&mut writer, tx, true).await?;
        Ok((delta, states))
    }

    pub(crate) async fn upsert_identifications(
        tx: &mut Tx<B>,
        rows: &[(&str, &Identification, String)],
        at: &str,
    ) -> Result<(), RegisterError> {
        let mut builder = sqlx::QueryBuilder::<B>::new(
            "INSERT INTO identifications (device_id, manufacturer, brand, model, firmware,
                                          device_type, confidence, kb_version, document, computed_at) ",
        );
        builder.push_values(rows, |mut b, (device_id, identification, document)| {
            b.push_bind(device_id.to_string())
                .push_bind(identification.manufacturer.clone())
                .push_bind(identification.brand.clone())
                .push_bind(identification.model.clone())
                .push_bind(identification.firmware.clone())
                .push_bind(identification.device_type.as_str())
                .push_bind(identification.confidence)
                .push_bind(identification.kb_version.clone())
                .push_bind(document.clone())
                .push_bind(at.to_owned());
        });
        builder.push(
            " ON CONFLICT (device_id) DO UPDATE SET manufacturer = excluded.manufacturer,
                 brand = excluded.brand, model = excluded.model, firmware = excluded.firmware,
                 device_type = excluded.device_type, confidence = excluded.confidence,
                 kb_version = excluded.kb_version, document = excluded.document,
                 computed_at = excluded.computed_at",
        );
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("storing identifications")?;
        Ok(())
    }

    pub(crate) async fn insert_findings(
        tx: &mut Tx<B>,
        rows: &[(String, &str, &NewFinding)],
        at: &str,
    ) -> Result<(), RegisterError> {
        let mut builder = sqlx::QueryBuilder::<B>::new(
            "INSERT INTO findings (id, device_id, pack, rule, title, severity, action,
                                   citation_document, citation_paragraph, citation_url, message, due,
                                   due_basis, status, first_seen, last_seen) ",
        );
        builder.push_values(rows, |mut b, (id, device_id, f)| {
            b.push_bind(id.clone())
                .push_bind(device_id.to_string())
                .push_bind(f.pack.clone())
                .push_bind(f.rule.clone())
                .push_bind(f.title.clone())
                .push_bind(f.severity.as_str())
                .push_bind(f.action.clone())
                .push_bind(f.citation_document.clone())
                .push_bind(f.citation_paragraph.clone())
                .push_bind(f.citation_url.clone())
                .push_bind(f.message.clone())
                .push_bind(f.due.clone())
                .push_bind(f.due_basis.clone())
                .push("'open'")
                .push_bind(at.to_owned())
                .push_bind(at.to_owned());
        });
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("storing findings")?;
        Ok(())
    }

    /// Rewrites findings reported with new content (and reopens resolved ones), many per UPDATE:
    /// `UPDATE ... FROM (VALUES ...)`, whose columns both engines name `column1`, `column2`, ...
    pub(crate) async fn rewrite_findings(
        tx: &mut Tx<B>,
        rows: &[(String, &NewFinding)],
        at: &str,
    ) -> Result<(), RegisterError> {
        let mut builder = sqlx::QueryBuilder::<B>::new(
            "UPDATE findings SET title = v.column2, severity = v.column3, action = v.column4,
                    citation_document = v.column5, citation_paragraph = v.column6,
                    citation_url = v.column7, message = v.column8, due = v.column9,
                    due_basis = v.column10, status = 'open', last_seen = ",
        );
        builder.push_bind(at.to_owned());
        builder.push(", resolved_at = NULL FROM (");
        builder.push_values(rows, |mut b, (id, f)| {
            b.push_bind(id.clone())
                .push_bind(f.title.clone())
                .push_bind(f.severity.as_str())
                .push_bind(f.action.clone())
                .push_bind(f.citation_document.clone())
                .push_bind(f.citation_paragraph.clone())
                .push_bind(f.citation_url.clone())
                .push_bind(f.message.clone())
                .push_bind(f.due.clone())
                .push_bind(f.due_basis.clone());
        });
        builder.push(") AS v WHERE findings.id = v.column1");
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("updating findings")?;
        Ok(())
    }

    /// `{prefix}$1 WHERE id IN (...)` over `ids`, `chunk` at a time.
    pub(crate) async fn update_findings_by_id(
        tx: &mut Tx<B>,
        prefix: &'static str,
        at: &str,
        ids: &[String],
        during: &'static str,
        chunk: usize,
    ) -> Result<(), RegisterError> {
        for ids in ids.chunks(chunk) {
            let mut update = sqlx::QueryBuilder::<B>::new(prefix);
            update.push_bind(at.to_owned()).push(" WHERE id IN (");
            let mut list = update.separated(", ");
            for id in ids {
                list.push_bind(id.clone());
            }
            update.push(")");
            update.build().execute(&mut **tx).await.during(during)?;
        }
        Ok(())
    }

    /// Writes whatever buffer is full (`all`: every buffer).
    async fn flush(
        writer: &mut EvaluationWriter<'_>,
        tx: &mut Tx<B>,
        all: bool,
    ) -> Result<(), RegisterError> {
        let Chunks { rows, history, ids } = writer.chunks;
        // A buffer is written when it holds a chunk, or at the end when it holds anything.
        let due = |len: usize, chunk: usize| len >= chunk || (all && len > 0);
        if due(writer.identifications.len(), rows) {
            Self::upsert_identifications(tx, &writer.identifications, writer.at).await?;
            writer.identifications.clear();
            writer.identified.clear();
        }
        if due(writer.opened.len(), rows) {
            Self::insert_findings(tx, &writer.opened, writer.at).await?;
            writer.opened.clear();
        }
        if due(writer.rewritten.len(), rows) {
            Self::rewrite_findings(tx, &writer.rewritten, writer.at).await?;
            writer.rewritten.clear();
        }
        if due(writer.seen_again.len(), ids) {
            Self::update_findings_by_id(
                tx,
                "UPDATE findings SET last_seen = ",
                writer.at,
                &writer.seen_again,
                "marking findings seen again",
                ids,
            )
            .await?;
            writer.seen_again.clear();
        }
        if due(writer.resolved.len(), ids) {
            Self::update_findings_by_id(
                tx,
                "UPDATE findings SET status = 'resolved', resolved_at = ",
                writer.at,
                &writer.resolved,
                "resolving findings",
                ids,
            )
            .await?;
            writer.resolved.clear();
        }
        if due(writer.history.len(), history) {
            Self::insert_history(tx, writer.actor, &writer.history, history).await?;
            writer.history.clear();
        }
        Ok(())
    }
}

/// A digest of everything a policy reports about a finding, to tell "reported again unchanged"
/// from "reported with a new message, due date or citation" without keeping every text.
fn finding_digest(f: &NewFinding) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    f.hash(&mut hasher);
    hasher.finish()
}

/// A stored finding as an evaluation compares it: who, which rule, its status, what the
/// policy reported, since when.
#[derive(sqlx::FromRow)]
struct ExistingFindingRow {
    id: String,
    device_id: String,
    status: String,
    first_seen: String,
    #[sqlx(flatten)]
    finding: NewFinding,
}

/// A stored identification: the columns history compares, and the whole document.
#[derive(sqlx::FromRow)]
struct IdentificationRow {
    device_id: String,
    #[sqlx(flatten)]
    columns: IdentificationColumns,
    document: String,
}

/// What history records of an identification: manufacturer, model, device type.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub(crate) struct IdentificationColumns {
    manufacturer: Option<String>,
    model: Option<String>,
    device_type: String,
}

impl IdentificationColumns {
    pub(crate) fn of(identification: &Identification) -> Self {
        Self {
            manufacturer: identification.manufacturer.clone(),
            model: identification.model.clone(),
            device_type: identification.device_type.as_str().to_owned(),
        }
    }
}

/// The history line of an identification stored over `previous`, or `None` when what history
/// records did not change.
pub(crate) fn identification_history(
    at: &str,
    device_id: &str,
    previous: Option<&IdentificationColumns>,
    now: &IdentificationColumns,
) -> Option<HistoryLine> {
    let record = |c: &IdentificationColumns| serde_json::json!({"manufacturer": c.manufacturer, "model": c.model, "device_type": c.device_type});
    (previous != Some(now)).then(|| {
        HistoryLine::new(
            at,
            HistoryEntity::Identification,
            device_id,
            if previous.is_some() {
                HistoryAction::Updated
            } else {
                HistoryAction::Created
            },
            previous.map(record),
            Some(record(now)),
        )
    })
}

/// An evaluation's transaction, driven by its caller (see [`Store::begin_evaluation`]).
pub struct EvaluationTx<B: Backend> {
    tx: Tx<B>,
    chunks: Chunks,
}

impl<B: Backend> EvaluationTx<B>
where
    for<'c> &'c mut B::Connection: Executor<'c, Database = B>,
    String: Column<B>,
    Option<String>: Column<B>,
    i64: Column<B>,
    Option<i64>: Column<B>,
    bool: Column<B>,
    f64: Column<B>,
    for<'q> &'q str: sqlx::Encode<'q, B> + sqlx::Type<B>,
    for<'r> &'r str: sqlx::ColumnIndex<B::Row>,
    usize: sqlx::ColumnIndex<B::Row>,
{
    /// Stores recomputed identifications and the findings the policies now report (as
    /// [`Store::apply_evaluation`] does) and returns what changed and every finding as the
    /// evaluation left it: status as of `today` (under an unexpired waiver, `Waived`), in the
    /// order [`Store::findings`] lists them (first seen, then id).
    pub async fn apply_findings(
        &mut self,
        results: &[(String, Identification, Vec<NewFinding>)],
        today: &str,
        actor: &str,
    ) -> Result<(EvaluationDelta, Vec<FindingState>), RegisterError> {
        let (delta, mut states) =
            Store::<B>::evaluation_in(&mut self.tx, results, actor, &now_rfc3339(), self.chunks)
                .await?;
        let waivers = Store::<B>::active_waivers_in(&mut self.tx, today).await?;
        // The order `findings()` lists them in (first seen, then id), so plan history keeps
        // the order it had when the plan was decided from that list.
        states.sort_unstable_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
        let states = states
            .into_iter()
            .map(|(_, mut state)| {
                if state.status == FindingStatus::Open && waivers.contains_key(&state.id) {
                    state.status = FindingStatus::Waived;
                }
                state
            })
            .collect();
        Ok((delta, states))
    }

    /// Every plan item that has a finding, by finding id, locked as read: a person's status
    /// change that commits while this evaluation runs either lands before this read (and is
    /// decided on) or waits for this commit (and is applied to what this evaluation stored);
    /// it is never overwritten by an older row.
    pub async fn plan_items_by_finding(
        &mut self,
    ) -> Result<HashMap<String, PlanItem>, RegisterError> {
        Ok(Store::<B>::plan_items_in(&mut self.tx, B::LOCK_ROWS)
            .await?
            .into_iter()
            .filter_map(|item| Some((item.finding_id.clone()?, item)))
            .collect())
    }

    /// Stores the plan changes decided (as [`Store::apply_plan_changes`] does).
    pub async fn apply_plan_changes(
        &mut self,
        changes: &[PlanChange],
        actor: &str,
    ) -> Result<(), RegisterError> {
        Store::<B>::plan_changes_in(&mut self.tx, changes, actor, self.chunks).await
    }

    /// Commits everything this unit of work stored.
    pub async fn commit(self) -> Result<(), RegisterError> {
        self.tx.commit().await.during("committing the evaluation")
    }
}

/// What an evaluation writes, gathered into multi-row statements and flushed as each kind fills
/// a chunk. Writes of different kinds touch different rows, and history lines keep their order,
/// so the result is what one statement per row would have stored.
struct EvaluationWriter<'a> {
    chunks: Chunks,
    at: &'a str,
    actor: &'a str,
    history: Vec<HistoryLine>,
    /// (device id, identification, its JSON document)
    identifications: Vec<(&'a str, &'a Identification, String)>,
    /// The device ids in `identifications`.
    identified: HashSet<&'a str>,
    /// (finding id, device id, finding)
    opened: Vec<(String, &'a str, &'a NewFinding)>,
    /// (finding id, finding): content rewritten, status open again.
    rewritten: Vec<(String, &'a NewFinding)>,
    seen_again: Vec<String>,
    resolved: Vec<String>,
}

impl<'a> EvaluationWriter<'a> {
    fn new(at: &'a str, actor: &'a str, chunks: Chunks) -> Self {
        Self {
            chunks,
            at,
            actor,
            history: Vec::new(),
            identifications: Vec::new(),
            identified: HashSet::new(),
            opened: Vec::new(),
            rewritten: Vec::new(),
            seen_again: Vec::new(),
            resolved: Vec::new(),
        }
    }
}

/// (device id, pack, rule): what identifies a finding.
type FindingKey = (String, String, String);
/// A stored finding as an evaluation compares it: id, status, content digest, first seen.
type StoredFinding = (String, String, u64, String);

/// A stored identification: (manufacturer, model, device type) as history records them, and
/// the whole document.
type StoredIdentification = (IdentificationColumns, String);
