#include "ui/store/StoreStatus.h"

#include "eventstore/PostgresEventStore.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

StoreStatus::StoreStatus(EventStore &store, QLabel &label, QObject *parent)
    : QObject(parent)
    , m_location(store.location())
    , m_label(label)
{
    const auto *server = qobject_cast<const PostgresEventStore *>(&store);
    show(!server || server->isAvailable(), {});
    connect(&store, &EventStore::availabilityChanged, this, &StoreStatus::show);
}

QString StoreStatus::text(const QString &location, bool available)
{
    // A file has no connection to lose.
    if (!PostgresConnectionSettings::isUrl(location))
        return u"Store: %1"_s.arg(location);
    return available ? u"Store: %1 — connected"_s.arg(location)
                     : u"Store: %1 — connection lost, reconnecting…"_s.arg(location);
}

void StoreStatus::show(bool available, const QString &message)
{
    m_label.setText(text(m_location, available));
    if (!PostgresConnectionSettings::isUrl(m_location))
        m_label.setToolTip(u"Other terminals on this computer share this file."_s);
    else if (available)
        m_label.setToolTip(u"Bookings made on other terminals appear here as they are made."_s);
    else
        m_label.setToolTip(message
                           + u"\nBookings cannot be saved until the server is back; "
                             "Hoststand reconnects by itself."_s);
}

} // namespace hoststand::ui
