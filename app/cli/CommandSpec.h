#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace hoststand::cli {

class CommandRun;

// One command of hoststand-cli: the words that name it, what it takes, and
// the function that runs it and returns the exit status.
struct CommandSpec final
{
    QStringList words; // {"tables", "add"}
    QString synopsis; // "ID --seats N [--zone Z]", for the usage
    QString summary;
    QList<QCommandLineOption> options;
    int minArguments = 0;
    int maxArguments = 0; // -1: any number
    int (*run)(CommandRun &run) = nullptr;

    QString name() const { return words.join(u' '); }
};

} // namespace hoststand::cli
