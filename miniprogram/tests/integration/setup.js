// A real backend, maybe on a busy machine: a post is checked, matched and its notices pushed before a
// test can look, so each test gets 30 s instead of jest's 5 (the waits inside poll; none sleeps).
jest.setTimeout(30000)
