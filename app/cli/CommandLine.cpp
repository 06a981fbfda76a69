#include "app/cli/CommandLine.h"

#include "app/cli/CommandCatalog.h"
#include "domain/contracts/TextField.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::cli {
namespace {

bool isOption(const QString &argument)
{
    return argument.size() > 1 && argument.startsWith(u'-');
}

QString optionName(const QString &argument)
{
    QString name = argument;
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    return name.section(u'=', 0, 0);
}

// The index of the first argument that is neither a global option nor a
// global option's value: the command's first word.
qsizetype firstWord(const QStringList &arguments)
{
    const QStringList withValue = CommandCatalog::globalOptionsWithValue();
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!isOption(argument))
            return i;
        if (withValue.contains(optionName(argument)) && !argument.contains(u'='))
            ++i;
    }
    return -1;
}

// "-5": a value, though QCommandLineParser would read it as an option.
bool isNegativeNumber(const QString &argument)
{
    return argument.size() > 1 && argument.at(0) == u'-' && argument.at(1) >= u'0'
        && argument.at(1) <= u'9';
}

QStringList secondWords(const QList<const CommandSpec *> &commands)
{
    QStringList words;
    for (const CommandSpec *command : commands)
        words.append(command->words.value(1));
    return words;
}

} // namespace

CommandLine::CommandLine(const QStringList &arguments)
{
    const QStringList rest = arguments.mid(1);
    for (const QString &argument : rest) {
        m_json = m_json || argument == u"--json"_s;
        m_help = m_help || argument == u"--help"_s || argument == u"-h"_s;
    }
    const QStringList options = takeCommandWords(rest);
    if (!m_problem.isEmpty())
        return;
    parseOptions(arguments.value(0, u"hoststand-cli"_s), options);
    if (!m_problem.isEmpty() || m_help)
        return;
    if (!m_command)
        m_problem = u"No command given."_s;
    else
        checkArgumentCount();
}

QString CommandLine::encodingProblem(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = utf8.decode(QByteArrayView(argv[i]));
        if (!utf8.hasError())
            continue;
        const QString previous = i > 1 ? QString::fromUtf8(argv[i - 1]) : QString();
        QString which = u"Argument %1"_s.arg(i);
        if (isOption(decoded) && decoded.contains(u'='))
            which = u"The value of %1"_s.arg(decoded.section(u'=', 0, 0));
        else if (isOption(previous) && !previous.contains(u'='))
            which = u"The value of %1"_s.arg(previous);
        return u"%1 is not UTF-8 text; give it in UTF-8 (check the encoding of the terminal or "
               u"the script)."_s.arg(escapedForDisplay(which));
    }
    return {};
}

QStringList CommandLine::takeCommandWords(QStringList arguments)
{
    const qsizetype first = firstWord(arguments);
    if (first < 0)
        return arguments;
    const QString word = arguments.takeAt(first);
    const QList<const CommandSpec *> candidates = CommandCatalog::startingWith(word);
    if (candidates.isEmpty()) {
        m_problem = u"Unknown command \"%1\"."_s.arg(word);
        return arguments;
    }
    if (candidates.size() == 1 && candidates.constFirst()->words.size() == 1) {
        m_command = candidates.constFirst();
        return arguments;
    }
    const QString second = first < arguments.size() ? arguments.at(first) : QString();
    for (const CommandSpec *candidate : candidates) {
        if (candidate->words.value(1) == second) {
            m_command = candidate;
            arguments.removeAt(first);
            return arguments;
        }
    }
    m_problem = u"\"%1\" needs one of: %2."_s.arg(word, secondWords(candidates).join(u", "_s));
    if (!second.isEmpty() && !isOption(second))
        m_problem = u"Unknown command \"%1 %2\"; "_s.arg(word, second)
            + u"\"%1\" takes one of: %2."_s.arg(word, secondWords(candidates).join(u", "_s));
    return arguments;
}

void CommandLine::parseOptions(const QString &program, const QStringList &rest)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions(CommandCatalog::globalOptions());
    if (m_command)
        m_parser.addOptions(m_command->options);
    if (!m_parser.parse(QStringList {program} + withPositionalsLast(rest))) {
        m_problem = m_parser.errorText();
        return;
    }
    m_parsed = true;
    m_arguments = m_parser.positionalArguments();
    m_help = m_parser.isSet(u"help"_s);
}

// QCommandLineParser takes every word after "--" as a positional argument,
// so the positional ones go there, in their order, when one of them is a
// negative number. An option's value is taken as it is, "-5" too.
QStringList CommandLine::withPositionalsLast(const QStringList &rest) const
{
    if (std::none_of(rest.cbegin(), rest.cend(), isNegativeNumber))
        return rest;
    QStringList withValue = CommandCatalog::globalOptionsWithValue();
    if (m_command) {
        for (const QCommandLineOption &option : m_command->options) {
            if (!option.valueName().isEmpty())
                withValue.append(option.names());
        }
    }
    QStringList options;
    QStringList positionals;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QString &argument = rest.at(i);
        if (argument == u"--"_s) {
            positionals.append(rest.mid(i + 1));
            break;
        }
        if (!isOption(argument) || isNegativeNumber(argument)) {
            positionals.append(argument);
            continue;
        }
        options.append(argument);
        if (withValue.contains(optionName(argument)) && !argument.contains(u'=')
            && i + 1 < rest.size())
            options.append(rest.at(++i));
    }
    return options + QStringList {u"--"_s} + positionals;
}

void CommandLine::checkArgumentCount()
{
    const qsizetype count = m_arguments.size();
    if (count < m_command->minArguments)
        m_problem = u"\"%1\" needs %2."_s.arg(m_command->name(), m_command->synopsis);
    else if (m_command->maxArguments >= 0 && count > m_command->maxArguments)
        m_problem = u"\"%1\" does not take \"%2\"."_s.arg(
            m_command->name(), m_arguments.mid(m_command->maxArguments).join(u' '));
}

QString CommandLine::usage() const
{
    return m_command ? CommandCatalog::usage(*m_command) : CommandCatalog::usage();
}

bool CommandLine::isSet(const QString &option) const
{
    return m_parsed && m_parser.isSet(option);
}

QString CommandLine::value(const QString &option) const
{
    return m_parsed ? m_parser.value(option) : QString();
}

QStringList CommandLine::values(const QString &option) const
{
    return m_parsed ? m_parser.values(option) : QStringList();
}

} // namespace hoststand::cli
