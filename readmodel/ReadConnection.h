#pragma once

#include "eventstore/StoreError.h"
#include "readmodel/ReadDialect.h"
#include "readmodel/ReadStatement.h"

#include <QString>

#include <memory>

namespace hoststand {

// A connection to the database that holds the read tables, as the
// projections and queries need it: statements, one-off DDL and write
// transactions. The SQLite read file is one implementation; a schema in the
// store's PostgreSQL database can be another.
class ReadConnection
{
public:
    virtual ~ReadConnection();

    virtual const ReadDialect &dialect() const = 0;
    // For messages: the file or URL.
    virtual QString location() const = 0;

    virtual StoreResult<std::unique_ptr<ReadStatement>> prepare(const QString &sql) = 0;
    // Runs one statement once (DDL, bookkeeping).
    virtual StoreResult<void> execute(const QString &sql) = 0;

    virtual StoreResult<void> beginWrite() = 0;
    virtual StoreResult<void> commit() = 0;
    virtual void rollback() = 0;
};

// A write transaction that rolls back unless committed, on every return path.
class ReadTransaction final
{
public:
    explicit ReadTransaction(ReadConnection &connection)
        : m_connection(connection)
    { }
    ~ReadTransaction()
    {
        if (m_open)
            m_connection.rollback();
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

    StoreResult<void> begin()
    {
        auto begun = m_connection.beginWrite();
        m_open = begun.ok();
        return begun;
    }
    StoreResult<void> commit()
    {
        auto committed = m_connection.commit();
        if (!committed.ok())
            m_connection.rollback();
        m_open = false;
        return committed;
    }

private:
    ReadConnection &m_connection;
    bool m_open = false;
};

} // namespace hoststand
