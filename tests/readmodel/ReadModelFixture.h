#pragma once

#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/CatalogueEvents.h"

#include <QTemporaryDir>

#include <memory>

namespace hoststand::test {

// A store file and its read model in a temporary folder, for one test.
class ReadModelFixture final
{
public:
    ReadModelFixture();
    ~ReadModelFixture();

    QString storePath() const;
    QString readPath() const;

    // Opens the store (not durable: tests need no fsync) and the read model,
    // and starts it. Returns an error message, empty on success.
    QString open();
    // Closes the read model (and the store with it, when asked).
    void closeReadModel();
    void closeAll();

    SqliteEventStore &store() { return *m_store; }
    ReadModel &model() { return *m_model; }
    bool isOpen() const { return m_model != nullptr; }

    // Appends each event to its stream (see appendAll) and waits until the
    // read model has projected them; returns the last position, 0 on failure.
    qint64 append(const QList<DomainEvent> &events);
    // Appends the events to one stream in one append: one commit of the store.
    qint64 appendInOneCommit(const QList<DomainEvent> &events);
    // Runs the event loop until the read model reached the position.
    bool settle(qint64 position);

    // Runs SQL on the read file through a connection of its own (to tamper
    // with it the way a bug or an old version would).
    bool tamper(const QString &sql);
    // Several statements on one connection (a pragma, then what it allows).
    bool tamper(const QStringList &statements);
    // How SQLite would run a statement on a file (the read file, unless
    // another is named): the detail of each step of its EXPLAIN QUERY PLAN
    // ("SEARCH events USING INDEX ..."); empty on failure. Each ? is bound
    // to 0; a statement with numbered parameters has values written in.
    QStringList queryPlan(const QString &sql, const QString &file = {});
    // One column of each row a query answers on a file (the read file,
    // unless another is named); empty on failure.
    QStringList queryRows(const QString &sql, const QString &file = {});

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ReadModel> m_model;
};

} // namespace hoststand::test
