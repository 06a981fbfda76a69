#include "tests/postgres/DeadLink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace hoststand::test {

DeadLink::DeadLink(int port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    auto *socketAddress = reinterpret_cast<sockaddr *>(&address);
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(m_listener, socketAddress, sizeof address) != 0 || ::listen(m_listener, 0) != 0)
        return;
    // Never accepted: they fill the queue.
    for (int n = 0; n < 4; ++n) {
        const int filler = ::socket(AF_INET, SOCK_STREAM, 0);
        ::fcntl(filler, F_SETFL, O_NONBLOCK);
        ::connect(filler, socketAddress, sizeof address);
        m_fillers.push_back(filler);
    }
    m_listening = true;
}

DeadLink::~DeadLink()
{
    for (int filler : m_fillers)
        ::close(filler);
    if (m_listener >= 0)
        ::close(m_listener);
}

} // namespace hoststand::test
