#include "ui/eventlog/EventSummary.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hoststand::ui::EventSummary;

// The sentence of each event type, as the event log, the command line and
// the tests read it.
class tst_EventSummary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachEventTypeReadsAsASentence_data();
    void eachEventTypeReadsAsASentence();
    void aBookingOnAnotherDayNamesItsDay();
    void aBookingInAnotherYearNamesItsYear();
    void timesAreInTheRestaurantsZone();
    void withoutAGuestTheBookingIsNamedByItsId();
    void anUnknownTypeStillSaysWhatItHolds();
};

// A guest book for the lookups: booking 3f9a0c7e21b4 is Jones's.
static QString guestOf(const QString &booking)
{
    return booking == u"3f9a0c7e21b4"_s ? u"Jones"_s : QString();
}

static const QDate Day(2026, 12, 4);

void tst_EventSummary::eachEventTypeReadsAsASentence_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("sentence");

    const QByteArray slot
        = R"("timeSlot":{"from":"2026-12-04T19:30:00Z","to":"2026-12-04T21:15:00Z"})";
    const QByteArray ids = R"("bookingId":"3f9a0c7e21b4","tableId":"T4")";
    QTest::newRow("a table is added")
        << u"table-added"_s
        << QByteArray(R"({"tableId":"T4","seats":4,"layout":{"zone":"Main room","shape":"square",)"
                      R"("x":100,"y":200,"width":90,"height":90,"rotation":0}})")
        << u"Added T4 to Main room: square, 4 seats"_s;
    QTest::newRow("a table is moved")
        << u"table-moved"_s
        << QByteArray(R"({"tableId":"T4","layout":{"zone":"Terrace","shape":"round",)"
                      R"("x":120,"y":340,"width":70,"height":70,"rotation":90}})")
        << u"Moved T4 in Terrace to 120, 340 cm (70 × 70 cm, turned 90°)"_s;
    QTest::newRow("a table's seats change")
        << u"table-seats-changed"_s
        << QByteArray(R"({"tableId":"T14","seats":4,"previousSeats":2})")
        << u"T14 now seats 4 (was 2)"_s;
    QTest::newRow("a table is removed") << u"table-removed"_s << QByteArray(R"({"tableId":"T27"})")
                                        << u"Removed T27 from the floor"_s;
    QTest::newRow("a lock is placed")
        << u"table-lock-placed"_s << "{" + ids + "," + slot + R"(,"partySize":4})"
        << u"Lock placed on T4 for booking 3f9a… (Jones), 19:30–21:15"_s;
    QTest::newRow("a lock is refused")
        << u"table-lock-placement-failed"_s
        << "{" + ids + "," + slot
            + R"(,"partySize":4,"reason":"overlap","message":"T4 is booked 19:00-20:30 by Lee.",)"
              R"("conflictingBookings":["aa"]})"
        << u"No lock on T4 for booking 3f9a… (Jones): T4 is booked 19:00-20:30 by Lee."_s;
    QTest::newRow("a lock is released when the party leaves")
        << u"table-lock-removed"_s << "{" + ids + R"(,"reason":"party-left"})"
        << u"Lock on T4 released for booking 3f9a… (Jones): the party left"_s;
    QTest::newRow("a lock is released when its time has passed")
        << u"table-lock-removed"_s << "{" + ids + R"(,"reason":"slot-passed"})"
        << u"Lock on T4 released for booking 3f9a… (Jones): its time had passed"_s;
    QTest::newRow("a booking is made") << u"table-booking-initiated"_s
                                       << "{" + ids + "," + slot
            + R"(,"partySize":4,"guestName":"Jones","phone":"","note":"","walkIn":false})"
                                       << u"Booked T4 for Jones, 4 people, 19:30–21:15"_s;
    QTest::newRow("a walk-in comes in") << u"table-booking-initiated"_s
                                        << "{" + ids + "," + slot
            + R"(,"partySize":1,"guestName":"Lee","phone":"","note":"","walkIn":true})"
                                        << u"Walk-in at T4 for Lee, 1 person, 19:30–21:15"_s;
    QTest::newRow("a booking is confirmed")
        << u"table-booking-confirmed"_s << "{" + ids + "}" << u"Confirmed Jones at T4"_s;
    QTest::newRow("a booking is rejected")
        << u"table-booking-rejected"_s
        << "{" + ids + R"(,"reason":"overlap","message":"T4 is taken."})"
        << u"Rejected Jones at T4: T4 is taken."_s;
    QTest::newRow("a booking is cancelled")
        << u"table-booking-cancelled"_s << "{" + ids + "}" << u"Cancelled Jones at T4"_s;
    QTest::newRow("the guest arrives")
        << u"guest-arrived"_s << "{" + ids + R"(,"at":"2026-12-04T19:34:00Z"})"
        << u"Jones arrived for T4 at 19:34"_s;
    QTest::newRow("the party is seated")
        << u"party-seated"_s << "{" + ids + R"(,"at":"2026-12-04T19:38:00Z"})"
        << u"Seated Jones at T4, 19:38"_s;
    QTest::newRow("the party leaves")
        << u"party-left"_s << "{" + ids + R"(,"at":"2026-12-04T21:02:00Z"})"
        << u"Jones left T4 at 21:02"_s;
    QTest::newRow("the guest never comes")
        << u"booking-no-show"_s << "{" + ids + "}" << u"Jones did not come: no-show at T4"_s;
    QTest::newRow("a lock is released as the booking moved")
        << u"table-lock-removed"_s << "{" + ids + R"(,"reason":"moved"})"
        << u"Lock on T4 released for booking 3f9a… (Jones): the booking moved to another table"_s;
    QTest::newRow("a change is asked for")
        << u"booking-change-requested"_s
        << "{" + ids + "," + slot
            + R"(,"change":1,"previousTableId":"T2","partySize":6,"guestName":"Jones",)"
              R"("phone":"","note":""})"
        << u"Change asked for Jones to T4 (from T2), 6 people, 19:30–21:15"_s;
    QTest::newRow("a booking changed on its table") << u"booking-changed"_s
                                                    << "{" + ids + "," + slot
            + R"(,"change":2,"previousTableId":"T4","partySize":3,"guestName":"Jones",)"
              R"("phone":"","note":""})" << u"Changed Jones to T4, 3 people, 19:30–21:15"_s;
    QTest::newRow("a change is refused")
        << u"booking-change-rejected"_s
        << "{" + ids + R"(,"change":1,"reason":"overlap","message":"T4 is taken."})"
        << u"Change of Jones to T4 refused: T4 is taken."_s;
    QTest::newRow("the guest's details change")
        << u"booking-details-changed"_s
        << "{" + ids + R"(,"guestName":"Jones-Smith","phone":"","note":"window"})"
        << u"Details of Jones-Smith at T4 changed"_s;
    QTest::newRow("service periods are set")
        << u"service-periods-defined"_s
        << QByteArray(R"({"slotMinutes":15,"timeZone":"UTC","periods":[)"
                      R"({"weekday":1,"name":"dinner","start":"18:00","end":"22:30"},)"
                      R"({"weekday":2,"name":"dinner","start":"18:00","end":"22:30"},)"
                      R"({"weekday":3,"name":"dinner","start":"18:00","end":"22:30"},)"
                      R"({"weekday":6,"name":"lunch","start":"12:00","end":"14:30"}]})")
        << u"Service: dinner 18:00–22:30 Mon–Wed; lunch 12:00–14:30 Sat; 15-minute slots, UTC"_s;
    QTest::newRow("turn times are set")
        << u"turn-times-defined"_s
        << QByteArray(R"({"turnTimes":[{"maxPartySize":2,"minutes":90},)"
                      R"({"maxPartySize":4,"minutes":105}],"largerPartyMinutes":150})")
        << u"Turn times: up to 2: 90 min, up to 4: 105 min, larger: 150 min"_s;
}

void tst_EventSummary::eachEventTypeReadsAsASentence()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, data);
    QFETCH(QString, sentence);
    const EventSummary summary(QTimeZone::utc(), &guestOf);
    QCOMPARE(summary.summarize(type, data, Day), sentence);
}

void tst_EventSummary::aBookingOnAnotherDayNamesItsDay()
{
    const QByteArray data
        = R"({"bookingId":"3f9a0c7e21b4","tableId":"T4","partySize":2,)"
          R"("guestName":"Jones","phone":"","note":"","walkIn":false,)"
          R"("timeSlot":{"from":"2026-12-05T19:30:00Z","to":"2026-12-05T21:00:00Z"}})";
    const EventSummary summary;
    QCOMPARE(summary.summarize(u"table-booking-initiated"_s, data, Day),
             u"Booked T4 for Jones, 2 people, Sat 5 Dec, 19:30–21:00"_s);
}

// A booking in another year than the event's names its year.
void tst_EventSummary::aBookingInAnotherYearNamesItsYear()
{
    const QByteArray data
        = R"({"bookingId":"3f9a0c7e21b4","tableId":"T4","partySize":2,)"
          R"("guestName":"Jones","phone":"","note":"","walkIn":false,)"
          R"("timeSlot":{"from":"2027-01-08T19:30:00Z","to":"2027-01-08T21:00:00Z"}})";
    const EventSummary summary;
    QCOMPARE(summary.summarize(u"table-booking-initiated"_s, data, Day),
             u"Booked T4 for Jones, 2 people, Fri 8 Jan 2027, 19:30–21:00"_s);
}

void tst_EventSummary::timesAreInTheRestaurantsZone()
{
    const QByteArray data
        = R"({"bookingId":"3f9a0c7e21b4","tableId":"T4","at":"2026-12-04T18:34:00Z"})";
    const EventSummary berlin(QTimeZone("Europe/Berlin"), &guestOf);
    QCOMPARE(berlin.summarize(u"guest-arrived"_s, data, Day), u"Jones arrived for T4 at 19:34"_s);
}

void tst_EventSummary::withoutAGuestTheBookingIsNamedByItsId()
{
    const EventSummary summary;
    QCOMPARE(summary.summarize(u"table-booking-confirmed"_s,
                               R"({"bookingId":"77aa0c7e21b4","tableId":"T2"})", Day),
             u"Confirmed booking 77aa… at T2"_s);
    QCOMPARE(EventSummary::shortId(u"77aa0c7e21b4"_s), u"77aa…"_s);
}

void tst_EventSummary::anUnknownTypeStillSaysWhatItHolds()
{
    const EventSummary summary;
    const QString sentence = summary.summarize(u"menu-changed"_s, R"({"dish":"soup"})", Day);
    QVERIFY2(sentence.startsWith(u"menu-changed: "_s), qPrintable(sentence));
    QVERIFY(sentence.contains(u"soup"_s));
    QCOMPARE(EventSummary::title(u"table-booking-initiated"_s), u"Booking made"_s);
}

QTEST_GUILESS_MAIN(tst_EventSummary)
#include "tst_eventsummary.moc"
