//! Helper process for the register's crash test (`tests/register.rs`): opens a register and
//! ingests one large synthetic batch, announcing on stdout just before the transaction starts,
//! so that the test can SIGKILL it mid-way.
//!
//! Usage: `register_ingest_helper TARGET SCHEMA|- DEVICES OBSERVATIONS_PER_DEVICE SCAN_ID`

use std::io::Write;

use camsweep_register::{Register, synthetic};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, schema, devices, per_device, scan_id] = args.as_slice() else {
        return Err("usage: TARGET SCHEMA|- DEVICES OBSERVATIONS_PER_DEVICE SCAN_ID".into());
    };
    let devices: usize = devices.parse()?;
    let per_device: usize = per_device.parse()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let register = if schema == "-" {
            Register::open(target).await?
        } else {
            Register::open_postgres_schema(target, schema).await?
        };
        let batch = synthetic::batch(scan_id, 77, devices, per_device, true);
        let mut stdout = std::io::stdout();
        writeln!(stdout, "ingesting")?;
        stdout.flush()?;
        register.ingest(&batch, "crash-test").await?;
        writeln!(stdout, "done")?;
        Ok(())
    })
}
