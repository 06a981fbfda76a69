#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace hoststand::cli {

struct CommandSpec;

// hoststand-cli's arguments: the global options, the command's words
// ("tables add"), its options and its positional arguments. Global options
// may come before or after the command. Only the syntax is checked here;
// what a value means is checked by the command.
class CommandLine final
{
public:
    // The arguments as main() has them, the program's name first.
    explicit CommandLine(const QStringList &arguments);

    // Which of main()'s arguments is not UTF-8, which Qt would decode with
    // U+FFFD in place of its bytes and store so; empty when all are.
    static QString encodingProblem(int argc, const char *const *argv);

    // Empty when the arguments make sense.
    const QString &problem() const { return m_problem; }
    bool helpRequested() const { return m_help; }
    // The command named, or null.
    const CommandSpec *command() const { return m_command; }
    // The command's usage when a command was named, else the general one.
    QString usage() const;

    bool json() const { return m_json; }
    bool isSet(const QString &option) const;
    QString value(const QString &option) const;
    QStringList values(const QString &option) const;
    // The command's positional arguments.
    const QStringList &arguments() const { return m_arguments; }

private:
    QStringList takeCommandWords(QStringList arguments);
    void parseOptions(const QString &program, const QStringList &rest);
    QStringList withPositionalsLast(const QStringList &rest) const;
    void checkArgumentCount();

    QCommandLineParser m_parser;
    const CommandSpec *m_command = nullptr;
    QString m_problem;
    QStringList m_arguments;
    bool m_json = false;
    bool m_help = false;
    bool m_parsed = false;
};

} // namespace hoststand::cli
