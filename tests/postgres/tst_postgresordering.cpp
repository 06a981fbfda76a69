#include "eventstore/PostgresEventStore.h"
#include "tests/postgres/PostgresTestServer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hoststand;

// Global positions under concurrent writers: several processes append at
// once while this one reads, and no reader may ever see position n+1
// before position n. A reader that saw a gap would skip the late event
// for good, because it reads on after the highest position it saw.
class tst_PostgresOrdering final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readersNeverSeeAGapThatFillsInLater();

private:
    void startWriters();
    bool writersRunning();
    void checkFullRead(QList<RecordedEvent> &seen);
    void checkIncrementalRead(qint64 &position);
    void checkFinalStreams();

    static constexpr int Writers = 4;
    static constexpr int Batches = 60;
    static constexpr int BatchSize = 3;

    test::PostgresTestServer m_server;
    QString m_url;
    std::unique_ptr<PostgresEventStore> m_reader;
    std::vector<std::unique_ptr<QProcess>> m_writers;
};

void tst_PostgresOrdering::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
    // Creates the schema before the writers race to open it.
    auto reader = PostgresEventStore::open(m_url);
    PG_VERIFY_OK(reader);
    m_reader = std::move(reader).value();
}

void tst_PostgresOrdering::startWriters()
{
    for (int i = 0; i < Writers; ++i) {
        auto writer = std::make_unique<QProcess>();
        writer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer->start(QString::fromUtf8(HOSTSTAND_STORE_HELPER),
                      {u"write"_s, m_url, u"writer-%1"_s.arg(i), QString::number(Batches),
                       QString::number(BatchSize)});
        QVERIFY2(writer->waitForStarted(10000), qPrintable(writer->errorString()));
        m_writers.push_back(std::move(writer));
    }
}

bool tst_PostgresOrdering::writersRunning()
{
    for (const auto &writer : m_writers) {
        if (writer->state() != QProcess::NotRunning)
            return true;
    }
    return false;
}

// Everything from the start: positions 1..n without a hole, and the events
// seen by the previous read still at their positions.
void tst_PostgresOrdering::checkFullRead(QList<RecordedEvent> &seen)
{
    auto all = m_reader->readAll(0, 1'000'000);
    PG_VERIFY_OK(all);
    const QList<RecordedEvent> &events = all.value();
    QVERIFY(events.size() >= seen.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).position, qint64(i + 1));
        if (i < seen.size())
            QCOMPARE(events.at(i).id, seen.at(i).id);
    }
    seen = events;
}

// Reading on from the last position seen: the next page starts right after it.
void tst_PostgresOrdering::checkIncrementalRead(qint64 &position)
{
    auto page = m_reader->readAll(position, 1000);
    PG_VERIFY_OK(page);
    for (const RecordedEvent &event : page.value()) {
        QCOMPARE(event.position, position + 1);
        position = event.position;
    }
}

// Each writer's stream is complete, in order, and every append of one
// batch took consecutive positions.
void tst_PostgresOrdering::checkFinalStreams()
{
    for (int i = 0; i < Writers; ++i) {
        const QString stream = u"writer-%1"_s.arg(i);
        auto events = m_reader->readStream(stream, ReadDirection::Forwards, 0, 1'000'000);
        PG_VERIFY_OK(events);
        QCOMPARE(events.value().size(), Batches * BatchSize);
        for (qsizetype j = 0; j < events.value().size(); ++j) {
            const RecordedEvent &event = events.value().at(j);
            QCOMPARE(event.revision, qint64(j));
            if (j % BatchSize != 0)
                QCOMPARE(event.position, events.value().at(j - 1).position + 1);
        }
    }
}

void tst_PostgresOrdering::readersNeverSeeAGapThatFillsInLater()
{
    startWriters();
    QList<RecordedEvent> seen;
    qint64 position = 0;
    int reads = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while (writersRunning()) {
        QVERIFY2(elapsed.elapsed() < 120000, "The writers did not finish in two minutes.");
        checkFullRead(seen);
        checkIncrementalRead(position);
        ++reads;
        QTest::qWait(1); // lets QProcess notice the writers' exits
    }
    for (const auto &writer : m_writers) {
        QCOMPARE(writer->exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer->exitCode(), 0);
    }
    checkFullRead(seen);
    checkIncrementalRead(position);
    QCOMPARE(seen.size(), Writers * Batches * BatchSize);
    QCOMPARE(position, qint64(Writers * Batches * BatchSize));
    checkFinalStreams();
    qInfo("%d reads while %d processes appended", reads, Writers);
}

QTEST_GUILESS_MAIN(tst_PostgresOrdering)
#include "tst_postgresordering.moc"
