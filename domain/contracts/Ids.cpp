#include "domain/contracts/BookingId.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TextField.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace hoststand {

static bool isIdCharacter(QChar c, bool allowUpperAndUnderscore)
{
    if (c.unicode() > 127)
        return false;
    if (c.isDigit() || c == u'-' || (c >= u'a' && c <= u'z'))
        return true;
    return allowUpperAndUnderscore && (c == u'_' || (c >= u'A' && c <= u'Z'));
}

DomainResult<TableId> TableId::create(const QString &text)
{
    if (auto checked = TextField(u"A table id"_s, 32).check(text); !checked.ok())
        return checked.error();
    for (const QChar c : text) {
        if (!isIdCharacter(c, true))
            return DomainError(
                DomainError::Code::InvalidInput,
                u"A table id uses letters, digits, '-' and '_' only; \"%1\" contains \"%2\"."_s.arg(
                    text, c));
    }
    return TableId(text);
}

DomainResult<BookingId> BookingId::create(const QString &text)
{
    if (auto checked = TextField(u"A booking id"_s, 40).check(text); !checked.ok())
        return checked.error();
    for (const QChar c : text) {
        if (!isIdCharacter(c, false))
            return DomainError(DomainError::Code::InvalidInput,
                               u"\"%1\" is not a booking id: it contains \"%2\"."_s.arg(text, c));
    }
    return BookingId(text);
}

BookingId BookingId::generate()
{
    const quint64 random = QRandomGenerator::global()->generate64() & 0xffffffffffffULL;
    return BookingId(u"%1"_s.arg(random, 12, 16, QLatin1Char('0')));
}

} // namespace hoststand
