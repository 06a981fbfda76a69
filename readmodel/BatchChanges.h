#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace hoststand {

// A batch's changes to the rows of a read table, one per row key, in the
// order the batch first changed each row: a projection keeps its changes
// here while it applies the batch, and writes each row once at its end.
template<typename Change>
class BatchChanges final
{
public:
    // The row's change, or nothing when the batch has not changed it.
    Change *find(const QString &key)
    {
        const auto found = m_index.constFind(key);
        return found == m_index.cend() ? nullptr : &m_changes[*found];
    }
    // The first change of a row the batch had not changed yet.
    Change &add(const QString &key, Change change)
    {
        m_index.insert(key, m_changes.size());
        m_changes.append(std::move(change));
        return m_changes.last();
    }
    // The row's change replaces the one before it, in its place.
    void put(const QString &key, Change change)
    {
        if (Change *found = find(key))
            *found = std::move(change);
        else
            add(key, std::move(change));
    }

    auto begin() const { return m_changes.cbegin(); }
    auto end() const { return m_changes.cend(); }
    void clear()
    {
        m_changes.clear();
        m_index.clear();
    }

private:
    QList<Change> m_changes;
    QHash<QString, qsizetype> m_index;
};

} // namespace hoststand
