//! `camsweep plan`: list or update the remediation plan.
//!
//! `list` shows the items in priority order with their status and verified state (see
//! [`camsweep_app::report_data::plan_status`]: a recorded removal counts as done only once a rescan no
//! longer finds the device, and a rescan that still finds it reopens the item; `camsweep
//! evaluate` records both). `update` records progress; every change lands in the register's
//! history. Items are created by `camsweep evaluate`, one per finding that asks for an action.

use camsweep_register::{Register, Scope};

use crate::db::with_register;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The register: a SQLite file path or a postgres:// URL.
    #[arg(
        long,
        env = "CAMSWEEP_DB",
        default_value = "camsweep.sqlite",
        global = true
    )]
    pub db: String,
    #[command(subcommand)]
    pub command: Option<PlanCommand>,
}

#[derive(Debug, clap::Subcommand)]
pub enum PlanCommand {
    /// List plan items in priority order (the default).
    List,
    /// Record progress on one item.
    Update(UpdateArgs),
}

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The plan item id.
    pub item: String,
    /// New status: open, scheduled, replaced, removed, waived.
    #[arg(long, conflicts_with = "removed")]
    pub status: Option<String>,
    /// The replacing device (id or description); sets the status to `replaced`.
    #[arg(long)]
    pub replaced_by: Option<String>,
    /// The device was taken away: same as `--status removed`. A rescan verifies it.
    #[arg(long)]
    pub removed: bool,
    /// Why (recorded in the history with the change).
    #[arg(long)]
    pub reason: Option<String>,
    /// Who made the change (recorded in the history).
    #[arg(long, default_value = "camsweep plan")]
    pub actor: String,
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    with_register(&args.db, async |register| match args.command {
        None | Some(PlanCommand::List) => list(register).await,
        Some(PlanCommand::Update(update_args)) => update(register, update_args).await,
    })
}

async fn list(register: &Register) -> anyhow::Result<Outcome> {
    let rows = camsweep_app::plan::list(register, &Scope::All).await?;
    outln!(
        "{:>4}  {:<36} {:<22} {:<18} {:<11} {:<10} {:<22} replaced by",
        "prio",
        "item",
        "action",
        "device",
        "due",
        "status",
        "state"
    )?;
    for row in &rows {
        let item = &row.item;
        outln!(
            "{:>4}  {:<36} {:<22} {:<18} {:<11} {:<10} {:<22} {}",
            item.priority,
            crate::printer::escape(&item.id),
            crate::printer::escape(&item.action),
            crate::printer::escape(&row.address),
            item.due.as_deref().unwrap_or("-"),
            item.status,
            row.state.as_str(),
            item.replaced_by
                .as_deref()
                .map_or("-".into(), crate::printer::escape),
        )?;
    }
    Ok(Outcome::Done)
}
async fn update(register: &Register, args: UpdateArgs) -> anyhow::Result<Outcome> {
    let mut change = camsweep_app::plan::PlanUpdate::from_options(
        args.status.as_deref(),
        args.removed,
        args.replaced_by,
    )?;
    change.reason = args.reason;
    let item =
        camsweep_app::plan::update(register, &Scope::All, &args.item, &change, &args.actor).await?;
    outln!(
        "{}: {} (a rescan of the device's address verifies a removal)",
        crate::printer::escape(&item.id),
        item.status
    )?;
    Ok(Outcome::Done)
}
