#pragma once

#include "domain/DomainError.h"

#include <QString>
#include <QStringList>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// A refusal by the domain in a manager's words. The table manager names
// the bookings that hold a table by their ids; a manager knows them by
// guest, party and time, so those are looked up in the read model and
// said instead, with what to do about them. Other refusals are worded by
// the domain already and are passed on as they are.
class RefusalWording final
{
public:
    // What to do about the bookings that hold the table, for one and for several.
    struct Advice
    {
        QString one;
        QString several;
    };

    explicit RefusalWording(const ReadModel &readModel);

    // lead: "Table T4 cannot be removed", followed by the bookings and the advice.
    QString explain(const QString &lead, const DomainError &error, const Advice &advice) const;
    // "Meier (party of 4, Fri 17 May, 19:00–20:30)"
    QString describeBooking(const QString &bookingId) const;

private:
    QString describeBookings(const QStringList &bookingIds) const;

    const ReadModel &m_readModel;
};

} // namespace hoststand::ui
