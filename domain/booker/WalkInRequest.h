#pragma once

#include <QString>

namespace hoststand::booker {

// A party that comes in without a booking: it starts now and is seated as
// soon as its table is locked.
struct WalkInRequest final
{
    QString tableId;
    int partySize = 0;
    QString guestName;
    QString phone; // optional
    QString note; // optional
};

} // namespace hoststand::booker
