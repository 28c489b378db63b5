//! Measures one ingest of N observations into a fresh SQLite file and a fresh PostgreSQL schema.
//! Run through `scripts/bench_register.sh` (release build); numbers go to docs/benchmarks.md.
//!
//! Usage: `bench_ingest DEVICES OBSERVATIONS_PER_DEVICE [POSTGRES_URL]`

use std::time::Instant;

use camsweep_register::{CountedTable, Register, synthetic};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let devices: usize = args.first().map_or(Ok(20_000), |a| a.parse())?;
    let per_device: usize = args.get(1).map_or(Ok(5), |a| a.parse())?;
    let pg = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let dir = tempfile::tempdir()?;
        let sqlite = Register::open(&dir.path().join("bench.sqlite").display().to_string()).await?;
        let schema = format!("bench_{}", std::process::id());
        let postgres = Register::open_postgres_schema(&pg, &schema).await?;
        for register in [&sqlite, &postgres] {
            for (round, second) in [("first", 60u8), ("rescan", 60u8)] {
                let batch = synthetic::batch(
                    &camsweep_register::new_id(),
                    second,
                    devices,
                    per_device,
                    true,
                );
                let started = Instant::now();
                let summary = register.ingest(&batch, "bench").await?;
                let took = started.elapsed();
                let obs = summary.observations as f64;
                println!(
                    "{:<8} {:<6} ingest: {} devices, {} observations in {:.2} s ({:.0} obs/s)",
                    register.backend(),
                    round,
                    devices,
                    summary.observations,
                    took.as_secs_f64(),
                    obs / took.as_secs_f64()
                );
            }
            let started = Instant::now();
            let all = register.devices().await?;
            let by_device = register.observations_by_device().await?;
            println!(
                "{:<8} read back {} devices and {} observations in {:.2} s",
                register.backend(),
                all.len(),
                by_device.values().map(Vec::len).sum::<usize>(),
                started.elapsed().as_secs_f64()
            );
            assert_eq!(register.count(CountedTable::Devices).await?, devices as i64);
        }
        if let Register::Postgres(store) = &postgres {
            let drop = format!("DROP SCHEMA {schema} CASCADE");
            sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
                .execute(store.pool())
                .await?;
        }
        Ok(())
    })
}
