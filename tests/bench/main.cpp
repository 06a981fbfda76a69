// hoststand_bench: prints one JSON line of benchmark figures. A program, not
// a test: figures are compared by people (scripts/bench-peers), never
// asserted, so a slow machine never turns CI red.

#include "eventstore/PostgresConnectionSettings.h"
#include "tests/bench/DomainBench.h"
#include "tests/bench/EventStoreBench.h"
#include "tests/bench/ReadModelBench.h"
#ifdef HOSTSTAND_BENCH_GUI
#include "tests/bench/GuiBench.h"
#include "tests/bench/GuiStallBench.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand::bench;

#ifdef HOSTSTAND_BENCH_GUI
// With HOSTSTAND_BENCH_TRACE_EVENTS_MS=n, every event of the GUI thread that
// took n ms or more is told on stderr, with its receiver: what a stall
// figure is made of.
class BenchApplication final : public QApplication
{
public:
    BenchApplication(int &argc, char **argv)
        : QApplication(argc, argv)
        , m_traceMs(qEnvironmentVariableIntValue("HOSTSTAND_BENCH_TRACE_EVENTS_MS"))
    { }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_traceMs <= 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Neither may outlive the delivery (a deferred delete).
        const int type = event->type();
        const QByteArray name = QByteArray(receiver->metaObject()->className()) + " ("
            + receiver->objectName().toUtf8() + ')';
        QElapsedTimer timer;
        timer.start();
        ++m_depth;
        const bool done = QApplication::notify(receiver, event);
        --m_depth;
        if (const qint64 ms = timer.elapsed(); ms >= m_traceMs)
            std::fprintf(stderr, "event: %lld ms, depth %d, %s, type %d\n", ms, m_depth,
                         name.constData(), type);
        return done;
    }

private:
    int m_traceMs = 0;
    int m_depth = 0;
};
#else
using BenchApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
#ifdef HOSTSTAND_BENCH_GUI
    // The gui section renders offscreen; the benchmark never shows a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    BenchApplication app(argc, argv);
    QMap<QString, BenchSection> sections {{u"eventstore"_s, &runEventStoreSection},
                                          {u"domain"_s, &runDomainSection},
                                          {u"readmodel"_s, &runReadModelSection}};

#ifdef HOSTSTAND_BENCH_GUI
    sections.insert(u"gui"_s, &runGuiSection);
    sections.insert(u"stall"_s, &runStallSection);
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs Hoststand's benchmark workloads and prints one "
                                     "JSON line of figures."_s);
    parser.addHelpOption();
    const QCommandLineOption store(u"store"_s,
                                   u"Store file to create (it is replaced), or a postgresql:// "
                                   "URL: the eventstore section on a fresh schema there."_s,
                                   u"path-or-url"_s);
    const QCommandLineOption single(u"single"_s, u"Durable single-event appends."_s, u"n"_s,
                                    u"3000"_s);
    const QCommandLineOption batched(u"batched"_s, u"Events appended in batches of 100."_s, u"n"_s,
                                     u"100000"_s);
    const QCommandLineOption samples(u"latency-samples"_s, u"Subscription latency samples."_s,
                                     u"n"_s, u"2000"_s);
    const QCommandLineOption only(
        u"sections"_s, u"Comma-separated sections to run: %1."_s.arg(sections.keys().join(u", "_s)),
        u"names"_s, sections.keys().join(u','));
    const QCommandLineOption postgres(
        u"pg-url"_s,
        u"A PostgreSQL server on this machine (postgresql://user:password@127.0.0.1:port/db) for "
        "the stall section's unreachable server, on a fresh schema there; without it that case "
        "is left out."_s,
        u"url"_s);
    parser.addOptions({store, single, batched, samples, only, postgres});
    parser.process(app);

    QTemporaryDir scratch;
    BenchOptions options;
    options.storePath
        = parser.isSet(store) ? parser.value(store) : scratch.filePath(u"bench.sqlite"_s);
    options.singleEvents = parser.value(single).toLongLong();
    options.batchedEvents = parser.value(batched).toLongLong();
    options.latencySamples = parser.value(samples).toInt();
    options.postgresUrl = parser.value(postgres);
    if (!options.postgresUrl.isEmpty()
        && !hoststand::PostgresConnectionSettings::isUrl(options.postgresUrl)) {
        std::fprintf(stderr, "--pg-url needs a postgresql:// URL\n");
        return 2;
    }

    // Only the event store section knows a server; the others make files.
    const bool onServer = hoststand::PostgresConnectionSettings::isUrl(options.storePath);
    const QString chosen = onServer && !parser.isSet(only) ? u"eventstore"_s : parser.value(only);
    if (onServer && chosen != u"eventstore"_s) {
        std::fprintf(stderr, "only the eventstore section runs on a postgresql:// store\n");
        return 2;
    }
    QJsonObject figures {{u"system"_s, onServer ? u"hoststand-postgres"_s : u"hoststand-sqlite"_s}};
    for (const QString &name : chosen.split(u',', Qt::SkipEmptyParts)) {
        const BenchSection section = sections.value(name.trimmed());
        if (!section) {
            std::fprintf(stderr, "unknown section: %s\n", qPrintable(name));
            return 2;
        }
        if (auto failed = section(options, figures)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(*failed));
            return 1;
        }
    }
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}
