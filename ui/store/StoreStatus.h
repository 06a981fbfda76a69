#pragma once

#include <QObject>
#include <QString>

class QLabel;

namespace hoststand {
class EventStore;
}

namespace hoststand::ui {

// What the status bar says of the store: where it is and, for a server,
// whether it can be reached right now, following the store's
// availabilityChanged(); the store's own message is the label's tool tip.
class StoreStatus final : public QObject
{
    Q_OBJECT

public:
    // Keeps the label's text up to date; the label outlives this object.
    StoreStatus(EventStore &store, QLabel &label, QObject *parent = nullptr);

    // "Store: postgresql://host:port/db — connected", "… — connection lost,
    // reconnecting…", or "Store: /path/to/file" for a file.
    static QString text(const QString &location, bool available);

private:
    void show(bool available, const QString &message);

    QString m_location;
    QLabel &m_label;
};

} // namespace hoststand::ui
