#pragma once

#include <QtGlobal>

#include <vector>

namespace hoststand::test {

// A server behind a dead link, on a loopback port: a listening socket whose
// queue is kept full, so that the kernel drops every further SYN and a
// connection attempt hangs until its timeout, as one to a machine that has
// lost its network does. The port must be free (the server stopped).
class DeadLink final
{
public:
    explicit DeadLink(int port);
    ~DeadLink();
    DeadLink(const DeadLink &) = delete;
    DeadLink &operator=(const DeadLink &) = delete;

    bool isListening() const { return m_listening; }

private:
    int m_listener = -1;
    std::vector<int> m_fillers;
    bool m_listening = false;
};

} // namespace hoststand::test
