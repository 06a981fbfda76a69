#pragma once

#include "eventstore/StoreError.h"
#include "readmodel/ReadModelRows.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace hoststand {

class ReadConnection;
class ReadDialect;
class ReadStatement;

// The read model's queries, each answered from the read tables through an
// index that fits it, with statements prepared on first use and reused.
class ReadQueries final
{
public:
    explicit ReadQueries(ReadConnection &connection);
    ~ReadQueries();

    StoreResult<RestaurantSettingsRow> settings();
    StoreResult<QList<TableRow>> tables(bool includeRemoved);
    StoreResult<std::optional<TableRow>> table(const QString &tableId);
    StoreResult<std::optional<BookingRow>> booking(const QString &bookingId);
    // Bookings whose span overlaps [from, to), by table and start.
    StoreResult<QList<BookingRow>> bookingsBetween(const QDateTime &from, const QDateTime &to);
    // One table's bookings whose span overlaps [from, to), by start.
    StoreResult<QList<BookingRow>> tableBookingsBetween(const QString &tableId,
                                                        const QDateTime &from, const QDateTime &to);
    // The table's first booking still to come (initiated or confirmed) after the moment.
    StoreResult<std::optional<BookingRow>> nextBooking(const QString &tableId,
                                                       const QDateTime &moment);
    StoreResult<QList<LockRow>> locks(const QString &tableId);
    StoreResult<QList<LockRow>> tableLocksBetween(const QString &tableId, const QDateTime &from,
                                                  const QDateTime &to);
    StoreResult<QStringList> freeTables(const QDateTime &start, const QDateTime &end, int partySize,
                                        const QString &exceptBooking);
    StoreResult<QList<BookingRow>> searchGuests(const QString &text, int limit);
    // The statement searchGuests() runs for the text, for a test to read its plan.
    static QString guestSearchSql(const ReadDialect &dialect, const QString &text);
    // The statements of the queries above, for a test to read their plans.
    static QString bookingsBetweenSql();
    static QString tableBookingsBetweenSql();
    static QString nextBookingSql();
    static QString tableLocksBetweenSql();
    static QString freeTablesSql();

private:
    StoreResult<QHash<QString, QString>> settingValues();
    StoreResult<QList<ServicePeriod>> servicePeriods();
    StoreResult<QList<TurnTime>> turnTimes();
    StoreResult<ReadStatement *> statement(const QString &sql);
    template<typename Row>
    StoreResult<QList<Row>> rows(ReadStatement &statement, Row (*read)(const ReadStatement &));

    ReadConnection &m_connection;
    QHash<QString, std::shared_ptr<ReadStatement>> m_statements;
};

} // namespace hoststand
