#pragma once

#include "eventstore/StoreError.h"

#include <QObject>
#include <QString>

#include <functional>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// Whether what an item model shows could be read. Every model over the
// read model holds one: a query that failed makes it "not read" with the
// reason, and the model then shows no rows rather than "none", "free" or
// "out of service"; NotReadOverlay shows it the same way in every view.
class ReadState final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    bool isRead() const { return m_why.isEmpty(); }
    // Why the rows could not be read, as the read model said; empty when read.
    QString why() const { return m_why; }
    // What a view shows: "Not read: <why>"; empty when read.
    QString text() const;
    static QString notReadText(const QString &why);

    void setRead();
    void setNotRead(const StoreError &error);
    // Runs reread once the read model can be read again, while not read.
    void rereadWhenAvailable(const ReadModel &readModel, std::function<void()> reread);

Q_SIGNALS:
    void changed();

private:
    QString m_why;
};

} // namespace hoststand::ui
