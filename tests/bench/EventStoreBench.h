#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace hoststand::bench {

struct BenchOptions final
{
    // A fresh store is made here: a file (replaced), or for the event store
    // section a postgresql:// URL (a fresh schema of that database).
    QString storePath;
    qint64 singleEvents = 3000; // durable single-event appends, over 100 streams
    qint64 batchedEvents = 100000; // in appends of 100 events, over 1000 streams
    int latencySamples = 2000; // durable appends timed up to a subscriber's slot
    // A PostgreSQL server (postgresql://user:password@127.0.0.1:port/database)
    // for the stall section's unreachable server; empty: that case is left out.
    QString postgresUrl;
};

// A section of the benchmark runs its workload and adds its figures to the
// one JSON object the benchmark prints; it returns why it failed, if it did.
using BenchSection = std::optional<QString> (*)(const BenchOptions &options, QJsonObject &figures);

// The standard event-store workload (peers/emmett-sqlite/README.md) on a
// SQLite store, or on PostgreSQL when storePath is a URL: singleAppendPerSec, batchedAppendPerSec,
// readStreamPerSec, readAllPerSec, subscriptionLatencyP50Us and subscriptionLatencyP99Us (and
// subscriptionAfterCommitP50Us/P99Us, the part after the commit).
std::optional<QString> runEventStoreSection(const BenchOptions &options, QJsonObject &figures);

} // namespace hoststand::bench
