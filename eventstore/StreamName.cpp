#include "eventstore/StreamName.h"

using namespace Qt::StringLiterals;

namespace hoststand::StreamName {

static bool isAllowed(QChar c)
{
    if (c.unicode() > 127)
        return false;
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' || c == u':' || c == u'$'
        || c == u'@';
}

std::optional<QString> validate(const QString &name)
{
    if (name.isEmpty())
        return u"The stream name is empty."_s;
    if (name.size() > MaxLength)
        return u"The stream name is longer than %1 characters."_s.arg(MaxLength);
    for (const QChar c : name) {
        if (!isAllowed(c))
            return u"The stream name \"%1\" contains \"%2\"; use letters, digits and - _ . : $ @."_s
                .arg(name, c);
    }
    if (name.startsWith(u'-'))
        return u"The stream name \"%1\" has no category before its first '-'."_s.arg(name);
    return std::nullopt;
}

QString category(const QString &name)
{
    const qsizetype dash = name.indexOf(u'-');
    return dash < 0 ? name : name.left(dash);
}

} // namespace hoststand::StreamName
