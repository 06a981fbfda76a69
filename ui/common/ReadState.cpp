#include "ui/common/ReadState.h"

#include "readmodel/ReadModel.h"

using namespace Qt::StringLiterals;

namespace hoststand::ui {

QString ReadState::notReadText(const QString &why)
{
    return u"Not read: %1"_s.arg(why);
}

QString ReadState::text() const
{
    return isRead() ? QString() : notReadText(m_why);
}

void ReadState::setRead()
{
    if (m_why.isEmpty())
        return;
    m_why.clear();
    Q_EMIT changed();
}

void ReadState::setNotRead(const StoreError &error)
{
    // Never empty: an empty reason would read as "read".
    const QString why = error.message().isEmpty() ? u"the read tables failed."_s : error.message();
    if (m_why == why)
        return;
    m_why = why;
    Q_EMIT changed();
}

void ReadState::rereadWhenAvailable(const ReadModel &readModel, std::function<void()> reread)
{
    connect(&readModel, &ReadModel::availabilityChanged, this,
            [this, reread = std::move(reread)](bool available) {
                if (available && !isRead())
                    reread();
            });
}

} // namespace hoststand::ui
