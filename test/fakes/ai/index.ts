export { Script, startFake, type Behaviour, type FakeTls, type RecordedRequest } from './fake-server';
export { startFakeGigaChat, type FakeGigaChat, type FakeGigaChatOptions, type GigaChatEndpoint } from './fake-gigachat';
export { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions, type OpenAiEndpoint } from './fake-openai';
export { capturingLogger, resourcesDir, systemClock, testDeps, testTls, testVault, tlsFixture, type CapturedLog } from './support';
