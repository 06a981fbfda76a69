#include "domain/booker/Booking.h"

#include "BookerFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

namespace {

const BookingId Id = bookingId(u"3f9a0c7e21b4"_s);
const QDateTime Now = at(u"2026-12-01T10:00:00Z"_s); // a Tuesday morning

TableBookingInitiated initiatedEvent(bool walkIn = false)
{
    return {Id,
            table(u"T4"_s),
            span(u"2026-12-01T19:00:00Z"_s, u"2026-12-01T20:45:00Z"_s),
            party(4),
            u"Ada Lovelace"_s,
            {},
            {},
            walkIn};
}

// The events that lead to a status, written directly so that the
// decisions under test do not build their own preconditions.
QList<DomainEvent> historyOf(BookingStatus status)
{
    const TableId t4 = table(u"T4"_s);
    const QDateTime evening = at(u"2026-12-01T19:02:00Z"_s);
    QList<DomainEvent> events {initiatedEvent()};
    switch (status) {
    case BookingStatus::Initiated:
        break;
    case BookingStatus::Confirmed:
        events << TableBookingConfirmed {Id, t4};
        break;
    case BookingStatus::Rejected:
        events << TableBookingRejected {Id, t4, LockFailureReason::Overlap, u"Taken."_s};
        break;
    case BookingStatus::Cancelled:
        events << TableBookingCancelled {Id, t4};
        break;
    case BookingStatus::Arrived:
        events << TableBookingConfirmed {Id, t4} << GuestArrived {Id, t4, evening};
        break;
    case BookingStatus::Seated:
        events << TableBookingConfirmed {Id, t4} << PartySeated {Id, t4, evening};
        break;
    case BookingStatus::Left:
        events << TableBookingConfirmed {Id, t4} << PartySeated {Id, t4, evening}
               << PartyLeft {Id, t4, evening.addSecs(3600)};
        break;
    case BookingStatus::NoShow:
        events << TableBookingConfirmed {Id, t4} << BookingNoShow {Id, t4};
        break;
    }
    return events;
}

Booking::Decision perform(const Booking &booking, const QString &action, const QDateTime &now)
{
    if (action == u"confirm")
        return booking.confirm();
    if (action == u"reject")
        return booking.reject(LockFailureReason::Overlap, u"T4 is taken."_s);
    if (action == u"cancel")
        return booking.cancel();
    if (action == u"arrive")
        return booking.arrive(now);
    if (action == u"seat")
        return booking.seat(now);
    if (action == u"leave")
        return booking.leave(now);
    return booking.markNoShow(now);
}

const QList<BookingStatus> AllStatuses {BookingStatus::Initiated, BookingStatus::Confirmed,
                                        BookingStatus::Rejected,  BookingStatus::Cancelled,
                                        BookingStatus::Arrived,   BookingStatus::Seated,
                                        BookingStatus::Left,      BookingStatus::NoShow};

struct ActionSpec
{
    QString name;
    QString phrase;
    BookingStatus leadsTo;
};

const QList<ActionSpec> AllActions {
    {u"confirm"_s, u"be confirmed"_s, BookingStatus::Confirmed},
    {u"reject"_s, u"be rejected"_s, BookingStatus::Rejected},
    {u"cancel"_s, u"be cancelled"_s, BookingStatus::Cancelled},
    {u"arrive"_s, u"have its guests arrive"_s, BookingStatus::Arrived},
    {u"seat"_s, u"have its party seated"_s, BookingStatus::Seated},
    {u"leave"_s, u"have its party leave"_s, BookingStatus::Left},
    {u"no-show"_s, u"be marked as a no-show"_s, BookingStatus::NoShow},
};

// The table of allowed moves, stated here independently of the code.
bool isAllowed(BookingStatus from, const QString &action)
{
    static const QMultiHash<BookingStatus, QString> allowed {
        {BookingStatus::Initiated, u"confirm"_s}, {BookingStatus::Initiated, u"reject"_s},
        {BookingStatus::Initiated, u"cancel"_s},  {BookingStatus::Confirmed, u"arrive"_s},
        {BookingStatus::Confirmed, u"seat"_s},    {BookingStatus::Confirmed, u"cancel"_s},
        {BookingStatus::Confirmed, u"no-show"_s}, {BookingStatus::Arrived, u"seat"_s},
        {BookingStatus::Arrived, u"cancel"_s},    {BookingStatus::Seated, u"leave"_s},
    };
    return allowed.contains(from, action);
}

QString subjectOf(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Initiated:
        return u"an initiated booking"_s;
    case BookingStatus::Confirmed:
        return u"a confirmed booking"_s;
    case BookingStatus::Rejected:
        return u"a rejected booking"_s;
    case BookingStatus::Cancelled:
        return u"a cancelled booking"_s;
    case BookingStatus::Arrived:
        return u"a booking whose guests arrived"_s;
    case BookingStatus::Seated:
        return u"a booking whose party is seated"_s;
    case BookingStatus::Left:
        return u"a booking whose party left"_s;
    case BookingStatus::NoShow:
        return u"a no-show booking"_s;
    }
    return {};
}

BookingRequest dinnerRequest()
{
    BookingRequest request;
    request.tableId = u"T4"_s;
    request.start = at(u"2026-12-01T19:00:00Z"_s);
    request.partySize = 4;
    request.guestName = u"Ada Lovelace"_s;
    return request;
}

} // namespace

class tst_Booking final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initiate_data();
    void initiate();
    void initiationKeepsTheGuestsDetailsTrimmed();
    void aNoteKeepsItsLineBreaksWithWindowsOnesAsOrdinaryOnes();
    void anOverlongGuestNameIsNamedByItsLengthAlone();
    void transitions_data();
    void transitions();
    void aRefusalSaysWhyInWordsAHostUnderstands();
    void noShowOnlyOnceTheStartHasCome();
    void aWalkInStartsNowOutsideServiceAndIsSeatedOnConfirmation();
    void aRejectionKeepsTheLocksReason();
    void stateFoldedFromEventsIsTheStateDecided();
    void onlyABookingThatHoldsItsTableMayChange_data();
    void onlyABookingThatHoldsItsTableMayChange();
    void aChangeWaitsForTheTableManagerWithTheWholeNewState();
    void aRejectedChangeLeavesTheBookingAsItWas();
    void theDetailsAloneChangeAtOnceAndNothingNewWritesNothing();
    void aNewStartFollowsTheRulesOfABookingAhead();
    void aSeatedPartyMovesFromNowAndKeepsItsStart();
    void endingABookingWithdrawsTheChangeThatWaits_data();
    void endingABookingWithdrawsTheChangeThatWaits();
    void aNameAnOlderVersionStoredStaysWhenNotChanged();
    void aChangeCannotEndABookingInThePast_data();
    void aChangeCannotEndABookingInThePast();
};

void tst_Booking::initiate_data()
{
    QTest::addColumn<QString>("tableId");
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("partySize");
    QTest::addColumn<QString>("guestName");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("duration"); // 0: the turn time
    QTest::addColumn<int>("refusal"); // -1: accepted
    QTest::addColumn<int>("minutes"); // of the accepted booking

    const int ok = -1;
    const int invalid = int(DomainError::Code::InvalidInput);
    const QString dinner = u"2026-12-01T19:00:00Z"_s;
    const QString name = u"Ada Lovelace"_s;
    auto row = [&](const char *title, QString tableId, QString start, int party, QString guest,
                   QString phone, QString note, int duration, int refusal, int minutes = 0) {
        QTest::newRow(title) << tableId << start << party << guest << phone << note << duration
                             << refusal << minutes;
    };

    row("a booking on a free dinner slot lasts the party's turn time", u"T4"_s, dinner, 4, name, {},
        {}, 0, ok, 105);
    row("a couple's booking lasts ninety minutes", u"T4"_s, dinner, 2, name, {}, {}, 0, ok, 90);
    row("a party of seven lasts the larger parties' turn time", u"T4"_s, dinner, 7, name, {}, {}, 0,
        ok, 150);
    row("an explicit duration replaces the turn time", u"T4"_s, dinner, 4, name, {}, {}, 45, ok,
        45);
    row("the first lunch slot is bookable", u"T4"_s, u"2026-12-01T12:00:00Z"_s, 2, name, {}, {}, 0,
        ok, 90);
    row("the last dinner slot is bookable", u"T4"_s, u"2026-12-01T22:15:00Z"_s, 2, name, {}, {}, 0,
        ok, 90);
    row("a phone number with + - ( ) / and spaces is accepted", u"T4"_s, dinner, 2, name,
        u"+49 (30) 123-45/67"_s, {}, 0, ok, 90);
    row("a booking in the past is refused", u"T4"_s, u"2026-11-30T19:00:00Z"_s, 2, name, {}, {}, 0,
        int(DomainError::Code::InThePast));
    row("a booking that starts right now is refused as in the past", u"T4"_s,
        u"2026-12-01T10:00:00Z"_s, 2, name, {}, {}, 0, int(DomainError::Code::InThePast));
    row("a booking between lunch and dinner is outside service", u"T4"_s, u"2026-12-01T16:00:00Z"_s,
        2, name, {}, {}, 0, int(DomainError::Code::OutsideService));
    row("a booking less than a slot before dinner ends is outside service", u"T4"_s,
        u"2026-12-01T22:20:00Z"_s, 2, name, {}, {}, 0, int(DomainError::Code::OutsideService));
    row("a booking at the end of dinner is outside service", u"T4"_s, u"2026-12-01T22:30:00Z"_s, 2,
        name, {}, {}, 0, int(DomainError::Code::OutsideService));
    row("a booking just before lunch is outside service", u"T4"_s, u"2026-12-01T11:45:00Z"_s, 2,
        name, {}, {}, 0, int(DomainError::Code::OutsideService));
    row("a booking off the slot grid is refused", u"T4"_s, u"2026-12-01T19:05:00Z"_s, 2, name, {},
        {}, 0, int(DomainError::Code::OffSlotGrid));
    row("a booking a few seconds off the grid is refused", u"T4"_s, u"2026-12-01T19:00:30Z"_s, 2,
        name, {}, {}, 0, int(DomainError::Code::OffSlotGrid));
    row("a malformed table id is refused", u"T 4"_s, dinner, 2, name, {}, {}, 0, invalid);
    row("an empty guest name is refused", u"T4"_s, dinner, 2, QString(), {}, {}, 0, invalid);
    row("a guest name of spaces is refused", u"T4"_s, dinner, 2, u"   "_s, {}, {}, 0, invalid);
    row("a guest name of 100 characters is accepted", u"T4"_s, dinner, 2, QString(100, u'a'), {},
        {}, 0, ok, 90);
    row("a guest name of 101 characters is refused", u"T4"_s, dinner, 2, QString(101, u'a'), {}, {},
        0, invalid);
    row("a phone number with letters is refused", u"T4"_s, dinner, 2, name, u"call me"_s, {}, 0,
        invalid);
    row("a phone number of 41 characters is refused", u"T4"_s, dinner, 2, name, QString(41, u'1'),
        {}, 0, invalid);
    row("a note of 500 characters is accepted", u"T4"_s, dinner, 2, name, {}, QString(500, u'n'), 0,
        ok, 90);
    row("a note of 501 characters is refused", u"T4"_s, dinner, 2, name, {}, QString(501, u'n'), 0,
        invalid);
    row("a guest name with a fake line and a terminal escape is refused", u"T4"_s, dinner, 2,
        u"Line1\nBooking  fake\x1b[31mRED"_s, {}, {}, 0, invalid);
    row("a guest name with a right-to-left override is refused", u"T4"_s, dinner, 2,
        u"Ada \u202Eecalevol"_s, {}, {}, 0, invalid);
    row("a guest name with a C1 control is refused", u"T4"_s, dinner, 2,
        u"Ada"_s + QChar(0x9b) + u"2J"_s, {}, {}, 0, invalid);
    row("a note on several lines with a tab is accepted", u"T4"_s, dinner, 2, name, {},
        u"allergies:\n\tnuts"_s, 0, ok, 90);
    row("a note with a terminal escape is refused", u"T4"_s, dinner, 2, name, {},
        u"window\x1b[2J"_s, 0, invalid);
    row("a party of 0 is refused", u"T4"_s, dinner, 0, name, {}, {}, 0, invalid);
    row("a party of 51 is refused", u"T4"_s, dinner, 51, name, {}, {}, 0, invalid);
    row("a duration of 14 minutes is refused", u"T4"_s, dinner, 2, name, {}, {}, 14, invalid);
    row("a duration of 15 minutes is accepted", u"T4"_s, dinner, 2, name, {}, {}, 15, ok, 15);
    row("a duration of 600 minutes is accepted", u"T4"_s, dinner, 2, name, {}, {}, 600, ok, 600);
    row("a duration of 601 minutes is refused", u"T4"_s, dinner, 2, name, {}, {}, 601, invalid);
    row("a booking without a start is refused", u"T4"_s, QString(), 2, name, {}, {}, 0, invalid);
    const int beyond = int(DomainError::Code::BeyondHorizon);
    row("a booking 365 days ahead is on the horizon", u"T4"_s, u"2027-12-01T22:15:00Z"_s, 2, name,
        {}, {}, 0, ok, 90);
    row("a booking 366 days ahead is beyond the horizon", u"T4"_s, u"2027-12-02T19:00:00Z"_s, 2,
        name, {}, {}, 0, beyond);
    row("the issue's booking that would end after 9999-12-31 is beyond the horizon", u"T4"_s,
        u"9999-12-31T22:15:00Z"_s, 2, name, {}, {}, 600, beyond);
}

void tst_Booking::initiate()
{
    QFETCH(QString, tableId);
    QFETCH(QString, start);
    QFETCH(int, partySize);
    QFETCH(QString, guestName);
    QFETCH(QString, phone);
    QFETCH(QString, note);
    QFETCH(int, duration);
    QFETCH(int, refusal);
    QFETCH(int, minutes);

    BookingRequest request {tableId, at(start), partySize, guestName, phone, note, std::nullopt};
    if (duration > 0)
        request.durationMinutes = duration;
    const auto decision = Booking::initiate(Id, request, settingsIn(u"UTC"_s), Now);

    if (refusal >= 0) {
        QVERIFY(!decision.ok());
        QCOMPARE(int(decision.error().code()), refusal);
        QVERIFY(!decision.error().message().isEmpty());
        return;
    }
    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(decision.value().size(), 1);
    const auto &event = std::get<TableBookingInitiated>(decision.value().constFirst());
    QCOMPARE(event.bookingId, Id);
    QCOMPARE(event.tableId.toString(), tableId);
    QCOMPARE(event.timeSlot.start(), at(start));
    QCOMPARE(event.timeSlot.minutes(), minutes);
    QCOMPARE(event.partySize.value(), partySize);
    QCOMPARE(event.walkIn, false);
}

void tst_Booking::initiationKeepsTheGuestsDetailsTrimmed()
{
    BookingRequest request = dinnerRequest();
    request.guestName = u"  Ada Lovelace "_s;
    request.phone = u" +44 20 7946 0000 "_s;
    request.note = u" window seat, please \n"_s;
    const auto decision = Booking::initiate(Id, request, settingsIn(u"UTC"_s), Now);
    QVERIFY(decision.ok());
    const auto &event = std::get<TableBookingInitiated>(decision.value().constFirst());
    QCOMPARE(event.guestName, u"Ada Lovelace"_s);
    QCOMPARE(event.phone, u"+44 20 7946 0000"_s);
    QCOMPARE(event.note, u"window seat, please"_s);
}

void tst_Booking::aNoteKeepsItsLineBreaksWithWindowsOnesAsOrdinaryOnes()
{
    BookingRequest request = dinnerRequest();
    request.note = u"Allergies:\r\n- nuts\r\n\tno shellfish \r\n"_s;
    const auto decision = Booking::initiate(Id, request, settingsIn(u"UTC"_s), Now);
    QVERIFY2(decision.ok(), why(decision).constData());
    const auto &event = std::get<TableBookingInitiated>(decision.value().constFirst());
    QCOMPARE(event.note, u"Allergies:\n- nuts\n\tno shellfish"_s);
}

void tst_Booking::anOverlongGuestNameIsNamedByItsLengthAlone()
{
    BookingRequest request = dinnerRequest();
    request.guestName = QString(102400, u'a');
    const auto decision = Booking::initiate(Id, request, settingsIn(u"UTC"_s), Now);
    QVERIFY(!decision.ok());
    QCOMPARE(decision.error().message(),
             u"The guest's name is 102400 characters long; at most 100 are allowed."_s);
}

void tst_Booking::transitions_data()
{
    QTest::addColumn<BookingStatus>("from");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<BookingStatus>("to");

    for (BookingStatus from : AllStatuses) {
        for (const ActionSpec &action : AllActions) {
            const bool allowed = isAllowed(from, action.name);
            QTest::addRow("%s %s %s", qPrintable(subjectOf(from)), allowed ? "can" : "cannot",
                          qPrintable(action.phrase))
                << from << true << action.name << allowed << action.leadsTo;
        }
    }
    for (const ActionSpec &action : AllActions) {
        QTest::addRow("a missing booking cannot %s", qPrintable(action.phrase))
            << BookingStatus::Initiated << false << action.name << false << action.leadsTo;
    }
}

void tst_Booking::transitions()
{
    QFETCH(BookingStatus, from);
    QFETCH(bool, exists);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    QFETCH(BookingStatus, to);

    Booking booking = exists ? Booking::fromEvents(Id, historyOf(from)) : Booking(Id);
    QCOMPARE(booking.exists(), exists);
    if (exists)
        QCOMPARE(toString(booking.status()), toString(from));
    const QDateTime now = at(u"2026-12-01T19:20:00Z"_s);
    const auto decision = perform(booking, action, now);

    if (!allowed) {
        QVERIFY(!decision.ok());
        QCOMPARE(decision.error().code(),
                 exists ? DomainError::Code::InvalidTransition : DomainError::Code::NotFound);
        QVERIFY2(decision.error().message().contains(Id.toString()),
                 qPrintable(decision.error().message()));
        return;
    }
    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(decision.value().size(), 1);
    for (const DomainEvent &event : decision.value())
        booking.apply(event);
    QCOMPARE(toString(booking.status()), toString(to));
}

void tst_Booking::aRefusalSaysWhyInWordsAHostUnderstands()
{
    const Booking seated = Booking::fromEvents(Id, historyOf(BookingStatus::Seated));
    const auto decision = seated.cancel();
    QVERIFY(!decision.ok());
    QCOMPARE(
        decision.error().message(),
        u"The party of booking 3f9a0c7e21b4 is already seated; it can no longer be cancelled."_s);
    QCOMPARE(decision.error().bookingIds(), QStringList {Id.toString()});
}

void tst_Booking::noShowOnlyOnceTheStartHasCome()
{
    const Booking confirmed = Booking::fromEvents(Id, historyOf(BookingStatus::Confirmed));
    const auto early = confirmed.markNoShow(at(u"2026-12-01T18:59:59Z"_s));
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code(), DomainError::Code::InvalidTransition);
    const auto onTime = confirmed.markNoShow(at(u"2026-12-01T19:00:00Z"_s));
    QVERIFY(onTime.ok());
    QVERIFY(std::holds_alternative<BookingNoShow>(onTime.value().constFirst()));
}

void tst_Booking::aWalkInStartsNowOutsideServiceAndIsSeatedOnConfirmation()
{
    const QDateTime afternoon = at(u"2026-12-01T16:07:31.500Z"_s); // between lunch and dinner
    const WalkInRequest request {u"T4"_s, 3, u"Grace Hopper"_s, {}, {}};
    const auto decision = Booking::walkIn(Id, request, settingsIn(u"UTC"_s), afternoon);
    QVERIFY2(decision.ok(), why(decision).constData());
    const auto &event = std::get<TableBookingInitiated>(decision.value().constFirst());
    QVERIFY(event.walkIn);
    QCOMPARE(event.timeSlot.start(), at(u"2026-12-01T16:07:31Z"_s));
    QCOMPARE(event.timeSlot.minutes(), 105);

    Booking booking = Booking::fromEvents(Id, decision.value());
    const auto confirmed = booking.confirm();
    QVERIFY(confirmed.ok());
    QCOMPARE(confirmed.value().size(), 2);
    QVERIFY(std::holds_alternative<TableBookingConfirmed>(confirmed.value().at(0)));
    const auto &seated = std::get<PartySeated>(confirmed.value().at(1));
    QCOMPARE(seated.at, event.timeSlot.start());
    for (const DomainEvent &e : confirmed.value())
        booking.apply(e);
    QCOMPARE(toString(booking.status()), u"seated"_s);

    const Booking ahead = Booking::fromEvents(Id, historyOf(BookingStatus::Initiated));
    QCOMPARE(ahead.confirm().value().size(), 1);
}

void tst_Booking::aRejectionKeepsTheLocksReason()
{
    Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Initiated));
    const auto rejected = booking.reject(LockFailureReason::PartyTooLarge, u"T4 seats 2."_s);
    QVERIFY(rejected.ok());
    const auto &event = std::get<TableBookingRejected>(rejected.value().constFirst());
    QCOMPARE(toString(event.reason), u"party-too-large"_s);
    QCOMPARE(event.message, u"T4 seats 2."_s);
    booking.apply(rejected.value().constFirst());
    QCOMPARE(toString(booking.status()), u"rejected"_s);
    QCOMPARE(booking.rejectionReason(), std::optional(LockFailureReason::PartyTooLarge));
    QCOMPARE(booking.rejectionMessage(), u"T4 seats 2."_s);
}

void tst_Booking::stateFoldedFromEventsIsTheStateDecided()
{
    const Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Left));
    QCOMPARE(toString(booking.status()), u"left"_s);
    QCOMPARE(booking.tableId(), table(u"T4"_s));
    QCOMPARE(booking.partySize().value(), 4);
    QCOMPARE(booking.guestName(), u"Ada Lovelace"_s);
    QCOMPARE(booking.span(), span(u"2026-12-01T19:00:00Z"_s, u"2026-12-01T20:45:00Z"_s));
    QCOMPARE(booking.seatedAt(), at(u"2026-12-01T19:02:00Z"_s));
    QCOMPARE(booking.leftAt(), at(u"2026-12-01T20:02:00Z"_s));
    QVERIFY(!booking.isWalkIn());
}

void tst_Booking::onlyABookingThatHoldsItsTableMayChange_data()
{
    QTest::addColumn<BookingStatus>("from");
    QTest::addColumn<bool>("allowed");
    for (BookingStatus from : AllStatuses) {
        const bool allowed = from == BookingStatus::Confirmed || from == BookingStatus::Arrived
            || from == BookingStatus::Seated;
        QTest::addRow("%s %s change", qPrintable(subjectOf(from)), allowed ? "can" : "cannot")
            << from << allowed;
    }
}

void tst_Booking::onlyABookingThatHoldsItsTableMayChange()
{
    QFETCH(BookingStatus, from);
    QFETCH(bool, allowed);
    const Booking booking = Booking::fromEvents(Id, historyOf(from));
    BookingChangeRequest request;
    request.tableId = u"T5"_s;
    const auto decision = booking.change(request, settingsIn(u"UTC"_s), Now);
    QCOMPARE(decision.ok(), allowed);
    if (!allowed) {
        QCOMPARE(decision.error().code(), DomainError::Code::InvalidTransition);
        QVERIFY2(decision.error().message().contains(u"can no longer be changed"_s),
                 qPrintable(decision.error().message()));
    }
    QVERIFY(!Booking(Id).change(request, settingsIn(u"UTC"_s), Now).ok());
}

void tst_Booking::aChangeWaitsForTheTableManagerWithTheWholeNewState()
{
    Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Confirmed));
    BookingChangeRequest request;
    request.tableId = u"T5"_s;
    request.partySize = 6;
    request.start = at(u"2026-12-01T19:30:00Z"_s);
    request.note = u"birthday"_s;

    const auto decision = booking.change(request, settingsIn(u"UTC"_s), Now);

    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(decision.value().size(), 1);
    const auto requested = std::get<BookingChangeRequested>(decision.value().constFirst());
    QCOMPARE(requested.change, 1);
    QCOMPARE(requested.tableId, table(u"T5"_s));
    QCOMPARE(requested.previousTableId, table(u"T4"_s));
    // The same length from the new start.
    QCOMPARE(requested.timeSlot, span(u"2026-12-01T19:30:00Z"_s, u"2026-12-01T21:15:00Z"_s));
    QCOMPARE(requested.partySize.value(), 6);
    QCOMPARE(requested.guestName, u"Ada Lovelace"_s);
    QCOMPARE(requested.note, u"birthday"_s);

    // Until the table manager answers, the booking is as it was.
    booking.apply(requested);
    QCOMPARE(booking.tableId(), table(u"T4"_s));
    QCOMPARE(booking.partySize().value(), 4);
    QVERIFY(booking.pendingChange() == requested);
    QCOMPARE(booking.lastChange(), 1);
    QVERIFY(booking.settleChange(2).value().isEmpty());

    const auto settled = booking.settleChange(1);
    QVERIFY(settled.ok());
    const auto changed = std::get<BookingChanged>(settled.value().constFirst());
    QCOMPARE(changed.tableId, requested.tableId);
    QCOMPARE(changed.previousTableId, requested.previousTableId);
    QCOMPARE(changed.timeSlot, requested.timeSlot);
    booking.apply(changed);
    QCOMPARE(booking.tableId(), table(u"T5"_s));
    QCOMPARE(booking.span(), requested.timeSlot);
    QCOMPARE(booking.partySize().value(), 6);
    QCOMPARE(booking.note(), u"birthday"_s);
    QCOMPARE(toString(booking.status()), u"confirmed"_s);
    QVERIFY(!booking.pendingChange());
    // A redelivery finds nothing to do; the next change is number 2.
    QVERIFY(booking.settleChange(1).value().isEmpty());
    QVERIFY(booking.rejectChange(1, ChangeRejectionReason::Overlap, {}).value().isEmpty());
    request = {};
    request.tableId = u"T4"_s;
    const auto next = booking.change(request, settingsIn(u"UTC"_s), Now);
    QCOMPARE(std::get<BookingChangeRequested>(next.value().constFirst()).change, 2);
}

void tst_Booking::aRejectedChangeLeavesTheBookingAsItWas()
{
    Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Arrived));
    const TableBookingInitiated before = booking.details();
    BookingChangeRequest request;
    request.tableId = u"T5"_s;
    booking.apply(booking.change(request, settingsIn(u"UTC"_s), Now).value().constFirst());
    BookingChangeRequest another;
    another.guestName = u"Grace"_s;
    const auto waiting = booking.change(another, settingsIn(u"UTC"_s), Now);
    QVERIFY(!waiting.ok());
    QVERIFY2(waiting.error().message().contains(u"change waiting"_s),
             qPrintable(waiting.error().message()));

    const auto rejected = booking.rejectChange(1, ChangeRejectionReason::Overlap, u"Taken."_s);
    QVERIFY(rejected.ok());
    const auto event = std::get<BookingChangeRejected>(rejected.value().constFirst());
    QCOMPARE(event.tableId, table(u"T5"_s));
    QCOMPARE(event.message, u"Taken."_s);
    booking.apply(event);

    QVERIFY(booking.details() == before);
    QCOMPARE(toString(booking.status()), u"arrived"_s);
    QVERIFY(!booking.pendingChange());
    QVERIFY(booking.lastChangeRejection() == event);
    QVERIFY(booking.change(another, settingsIn(u"UTC"_s), Now).ok());
}

void tst_Booking::theDetailsAloneChangeAtOnceAndNothingNewWritesNothing()
{
    const Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Seated));
    BookingChangeRequest request;
    request.guestName = u" Ada King "_s;
    request.phone = u"+44 20 7946 0000"_s;
    const auto decision = booking.change(request, settingsIn(u"UTC"_s), Now);
    QVERIFY2(decision.ok(), why(decision).constData());
    const auto details = std::get<BookingDetailsChanged>(decision.value().constFirst());
    QCOMPARE(details.guestName, u"Ada King"_s);
    QCOMPARE(details.phone, u"+44 20 7946 0000"_s);
    QCOMPARE(details.note, QString());
    QCOMPARE(details.tableId, table(u"T4"_s));

    BookingChangeRequest same;
    same.tableId = u"T4"_s;
    same.partySize = 4;
    same.guestName = u"Ada Lovelace"_s;
    same.start = at(u"2026-12-01T19:00:00Z"_s);
    const auto nothing = booking.change(same, settingsIn(u"UTC"_s), Now);
    QVERIFY2(nothing.ok(), why(nothing).constData());
    QVERIFY(nothing.value().isEmpty());
    QVERIFY(booking.change({}, settingsIn(u"UTC"_s), Now).value().isEmpty());
}

void tst_Booking::aNewStartFollowsTheRulesOfABookingAhead()
{
    const Booking booking = Booking::fromEvents(Id, historyOf(BookingStatus::Confirmed));
    const RestaurantSettings settings = settingsIn(u"UTC"_s);
    const auto check = [&](const QString &start) {
        BookingChangeRequest request;
        request.start = at(start);
        return booking.change(request, settings, at(u"2026-12-01T19:20:00Z"_s));
    };
    QCOMPARE(check(u"2026-12-01T19:15:00Z"_s).error().code(), DomainError::Code::InThePast);
    QCOMPARE(check(u"2026-12-01T20:07:00Z"_s).error().code(), DomainError::Code::OffSlotGrid);
    QCOMPARE(check(u"2028-12-01T20:00:00Z"_s).error().code(), DomainError::Code::BeyondHorizon);
    QVERIFY(check(u"2026-12-01T20:00:00Z"_s).ok());
    // Unchanged, a start that has passed is no problem: the party stays longer.
    BookingChangeRequest longer;
    longer.start = at(u"2026-12-01T19:00:00Z"_s);
    longer.durationMinutes = 150;
    const auto decision = booking.change(longer, settings, at(u"2026-12-01T19:20:00Z"_s));
    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(std::get<BookingChangeRequested>(decision.value().constFirst()).timeSlot,
             span(u"2026-12-01T19:00:00Z"_s, u"2026-12-01T21:30:00Z"_s));
}

void tst_Booking::aSeatedPartyMovesFromNowAndKeepsItsStart()
{
    const Booking seated = Booking::fromEvents(Id, historyOf(BookingStatus::Seated));
    const RestaurantSettings settings = settingsIn(u"UTC"_s);
    BookingChangeRequest move;
    move.tableId = u"T5"_s;
    const auto moved = seated.change(move, settings, at(u"2026-12-01T19:40:10.700Z"_s));
    QVERIFY2(moved.ok(), why(moved).constData());
    QCOMPARE(std::get<BookingChangeRequested>(moved.value().constFirst()).timeSlot,
             span(u"2026-12-01T19:40:10Z"_s, u"2026-12-01T20:45:00Z"_s));
    // Moving after its end, it holds the new table for the shortest stay.
    const auto late = seated.change(move, settings, at(u"2026-12-01T21:00:00Z"_s));
    QCOMPARE(std::get<BookingChangeRequested>(late.value().constFirst()).timeSlot,
             span(u"2026-12-01T21:00:00Z"_s, u"2026-12-01T21:15:00Z"_s));
    BookingChangeRequest earlier;
    earlier.start = at(u"2026-12-01T19:30:00Z"_s);
    const auto refused = seated.change(earlier, settings, Now);
    QCOMPARE(refused.error().code(), DomainError::Code::InvalidTransition);
}

void tst_Booking::endingABookingWithdrawsTheChangeThatWaits_data()
{
    QTest::addColumn<BookingStatus>("from");
    QTest::addColumn<QString>("action");
    QTest::newRow("cancelled") << BookingStatus::Confirmed << u"cancel"_s;
    QTest::newRow("a no-show") << BookingStatus::Confirmed << u"no-show"_s;
    QTest::newRow("the party left") << BookingStatus::Seated << u"leave"_s;
}

void tst_Booking::endingABookingWithdrawsTheChangeThatWaits()
{
    QFETCH(BookingStatus, from);
    QFETCH(QString, action);
    Booking booking = Booking::fromEvents(Id, historyOf(from));
    BookingChangeRequest request;
    request.tableId = u"T5"_s;
    booking.apply(booking.change(request, settingsIn(u"UTC"_s), Now).value().constFirst());

    const auto decision = perform(booking, action, at(u"2026-12-01T21:00:00Z"_s));

    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(decision.value().size(), 2);
    const auto withdrawn = std::get<BookingChangeRejected>(decision.value().at(0));
    QCOMPARE(withdrawn.change, 1);
    QCOMPARE(withdrawn.tableId, table(u"T5"_s));
    QVERIFY(withdrawn.reason == ChangeRejectionReason::BookingEnded);
    for (const DomainEvent &event : decision.value())
        booking.apply(event);
    QVERIFY(!booking.pendingChange());
    // The booking ended at the table it held.
    QCOMPARE(booking.tableId(), table(u"T4"_s));
    QVERIFY(booking.settleChange(1).value().isEmpty());
}

void tst_Booking::aNameAnOlderVersionStoredStaysWhenNotChanged()
{
    TableBookingInitiated old = initiatedEvent();
    old.guestName = u"Ada\nLovelace"_s;
    Booking booking = Booking::fromEvents(Id, {old, TableBookingConfirmed {Id, old.tableId}});
    BookingChangeRequest request;
    request.partySize = 2;
    const auto decision = booking.change(request, settingsIn(u"UTC"_s), Now);
    QVERIFY2(decision.ok(), why(decision).constData());
    QCOMPARE(std::get<BookingChangeRequested>(decision.value().constFirst()).guestName,
             u"Ada\nLovelace"_s);
    request.guestName = u"Ada\nLovelace"_s;
    QCOMPARE(booking.change(request, settingsIn(u"UTC"_s), Now).error().code(),
             DomainError::Code::InvalidInput);
}

void tst_Booking::aChangeCannotEndABookingInThePast_data()
{
    QTest::addColumn<BookingStatus>("from");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("allowed");
    // The booking runs 19:00 to 20:45; it is 20:00.
    QTest::newRow("a seated party cut to 30 minutes") << BookingStatus::Seated << 30 << false;
    QTest::newRow("a seated party cut to end now") << BookingStatus::Seated << 60 << false;
    QTest::newRow("a seated party cut to end a quarter from now")
        << BookingStatus::Seated << 75 << true;
    QTest::newRow("a late party's booking cut short") << BookingStatus::Confirmed << 45 << false;
    QTest::newRow("an arrived party staying longer") << BookingStatus::Arrived << 150 << true;
}

void tst_Booking::aChangeCannotEndABookingInThePast()
{
    QFETCH(BookingStatus, from);
    QFETCH(int, minutes);
    QFETCH(bool, allowed);
    const Booking booking = Booking::fromEvents(Id, historyOf(from));
    BookingChangeRequest request;
    request.durationMinutes = minutes;
    const auto decision
        = booking.change(request, settingsIn(u"UTC"_s), at(u"2026-12-01T20:00:00Z"_s));
    QCOMPARE(decision.ok(), allowed);
    if (!allowed) {
        QCOMPARE(decision.error().code(), DomainError::Code::InThePast);
        QVERIFY2(decision.error().message().contains(u"has passed"_s),
                 qPrintable(decision.error().message()));
    }
}

QTEST_GUILESS_MAIN(tst_Booking)
#include "tst_booking.moc"
