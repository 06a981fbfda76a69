#pragma once

#include <QSet>
#include <QStringList>

namespace hoststand {

class ProjectedEvent;

// What one commit of the projections changed, each thing once, in the
// order it first changed: the read model's change signals are emitted from
// it after the commit.
class ChangeSet final
{
public:
    void collect(const ProjectedEvent &event);
    bool isEmpty() const { return m_lastPosition == 0; }

    const QStringList &tables() const { return m_tables; }
    const QStringList &bookings() const { return m_bookings; }
    bool settingsChanged() const { return m_settings; }
    // The last position projected, which the audit trail gained (0: none).
    qint64 lastAuditPosition() const { return m_lastPosition; }

private:
    static void add(QStringList &list, QSet<QString> &seen, const QString &id);

    QStringList m_tables;
    QSet<QString> m_seenTables;
    QStringList m_bookings;
    QSet<QString> m_seenBookings;
    bool m_settings = false;
    qint64 m_lastPosition = 0;
};

} // namespace hoststand
