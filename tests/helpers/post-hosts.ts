/**
 * The organisation's sites for test endpoints: the example blog the tests' events name, and the local
 * feed servers on 127.0.0.1 whose posts the desktops share. Every other host is refused.
 */
export const TEST_POST_HOSTS = ['blog.example.com', '127.0.0.1'] as const;

/** The same for an endpoint started as a command (`server/cli.ts`). */
export const TEST_POST_HOSTS_ENV = { ADVOCATE_POST_HOSTS: TEST_POST_HOSTS.join(',') };
