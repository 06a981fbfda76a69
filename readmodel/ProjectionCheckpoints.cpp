#include "readmodel/ProjectionCheckpoints.h"

#include "readmodel/Projection.h"
#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString ProjectionCheckpoints::schema()
{
    return u"CREATE TABLE IF NOT EXISTS projections("
           "name {TEXT} PRIMARY KEY, version {INT} NOT NULL, position {BIGINT} NOT NULL)"_s;
}

StoreResult<void> ProjectionCheckpoints::prepare(ReadConnection &connection)
{
    return prepareStatements(connection,
                             {{&m_read, u"SELECT name, version, position FROM projections"_s},
                              {&m_save,
                               u"INSERT INTO projections(name, version, position) "
                               "VALUES(?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                               "version = excluded.version, position = excluded.position"_s}});
}

StoreResult<QHash<QString, Checkpoint>> ProjectionCheckpoints::read()
{
    QHash<QString, Checkpoint> checkpoints;
    for (;;) {
        auto row = m_read->next();
        if (!row.ok())
            return row.error();
        if (!row.value())
            return checkpoints;
        checkpoints.insert(m_read->textValue(0),
                           Checkpoint {int(m_read->intValue(1)), m_read->intValue(2)});
    }
}

StoreResult<void> ProjectionCheckpoints::save(const QString &projection,
                                              const Checkpoint &checkpoint)
{
    m_save->bindText(1, projection);
    m_save->bindInt(2, checkpoint.version);
    m_save->bindInt(3, checkpoint.position);
    return m_save->execute();
}

} // namespace hoststand
