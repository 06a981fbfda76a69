#pragma once

#include <QStringView>

namespace hoststand {

// The order people read names with numbers in: letters compared without
// regard to case, runs of ASCII digits by their value ("T2" before "T10",
// "t5" beside "T5"). Tables and zones are listed in it.
int naturalCompare(QStringView a, QStringView b);
// A strict weak order: names naturally equal ("T05", "T5") fall back to
// their text, so that a sort is the same every time.
bool naturalLess(QStringView a, QStringView b);

} // namespace hoststand
