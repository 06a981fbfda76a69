#pragma once

#include <QtGlobal>

#include <optional>
#include <utility>
#include <variant>

namespace hoststand {

// Either a value or a typed error. The event store and the domain return it
// instead of throwing, so every refusal is visible in the signature.
template<typename T, typename E>
class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(E error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    // By value: a reference into a temporary Result would dangle in
    // `for (const auto &e : store.readAll(...).value())`.
    T value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_state));
    }
    const T *operator->() const { return &value(); }

    const E &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, E> m_state;
};

template<typename E>
class [[nodiscard]] Result<void, E> final
{
public:
    Result() = default;
    Result(E error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const E &error() const
    {
        Q_ASSERT(!ok());
        return *m_error;
    }

private:
    std::optional<E> m_error;
};

} // namespace hoststand
