#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the built hoststand-cli as a real process, as a script would.
namespace hoststand::test {

struct CliRun final
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonValue json() const;
    // What the run did, for a failing test's message.
    QByteArray describe(const QStringList &arguments) const;
};

class CliRunner final
{
public:
    // Every run starts with these arguments (--store PATH, --now TIME).
    explicit CliRunner(QStringList leading = {});

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // Another program to run, hoststand-cli being among the leading
    // arguments (setpriv to run it as another user).
    void setProgram(const QString &program) { m_program = program; }
    CliRun run(const QStringList &arguments) const;
    // The same with a last argument of raw bytes, which need not be UTF-8:
    // QProcess passes only text, so a shell's printf makes that argument.
    CliRun runWithRawLastArgument(const QStringList &arguments, const QByteArray &last) const;

private:
    CliRun start(const QString &program, const QStringList &arguments) const;

    QStringList m_leading;
    QString m_program;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};

// The value at a path in a JSON document, as text: "0/status" is the first
// element's status, "tables/#" the number of elements; "<missing>" when absent.
QString jsonAt(const QJsonValue &root, const QString &path);

} // namespace hoststand::test
