#pragma once

#include <QString>

// How a guest search matches: case-insensitively anywhere in the guest's
// name or phone, and by digits alone in the phone ("0171 555" finds
// "+49 171 5550123" written with other spacing). The bookings projection
// stores the folded text and the digits; the query folds the search the
// same way, so both sides agree on every database.
namespace hoststand::GuestSearch {

QString foldedText(const QString &guestName, const QString &phone);
QString digits(const QString &text);
// A LIKE pattern matching the text anywhere, with '!' escaping % and _.
QString containsPattern(const QString &text);

} // namespace hoststand::GuestSearch
