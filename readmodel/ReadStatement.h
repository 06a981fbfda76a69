#pragma once

#include "eventstore/StoreError.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace hoststand {

// One SQL statement of the read model, prepared once and run many times.
// The projections' hot path binds and runs millions of them during a
// rebuild, so the SQLite read file implements it on sqlite3 statements
// directly, while another database can implement it on QSqlQuery.
// Parameters are "?" and numbered from 1 in the order they appear.
class ReadStatement
{
public:
    virtual ~ReadStatement();

    virtual void bindInt(int index, qint64 value) = 0;
    virtual void bindReal(int index, double value) = 0;
    virtual void bindText(int index, const QString &value) = 0;
    // A text given as UTF-8 bytes (an id the caller has as bytes already).
    virtual void bindUtf8(int index, const QByteArray &utf8) = 0;
    virtual void bindBlob(int index, const QByteArray &value) = 0;
    virtual void bindNull(int index) = 0;
    // A moment as milliseconds since the epoch, or NULL for an invalid one.
    void bindMoment(int index, const QDateTime &moment);

    // Runs a statement that returns no rows.
    virtual StoreResult<void> execute() = 0;
    // Steps a query: true on a row, false after the last one.
    virtual StoreResult<bool> next() = 0;
    // Ends a query before its last row.
    virtual void reset() = 0;

    virtual int columnCount() const = 0;
    virtual QString columnName(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    virtual qint64 intValue(int column) const = 0;
    virtual double realValue(int column) const = 0;
    virtual QString textValue(int column) const = 0;
    virtual QByteArray blobValue(int column) const = 0;
    // The value with its stored type (for a dump of any table).
    virtual QVariant value(int column) const = 0;
    // A moment stored by bindMoment, in UTC; invalid for NULL.
    QDateTime momentValue(int column) const;
};

} // namespace hoststand
