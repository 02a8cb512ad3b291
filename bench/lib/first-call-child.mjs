// One fresh process: import a client, make one CheckDomain call to the loopback server, print the
// milliseconds from process start (performance.timeOrigin) to the parsed response.
import http from 'node:http';

const [kind, port] = [process.argv[2], Number(process.argv[3])];
const endpoint = `http://127.0.0.1:${port}`;
const calls = {
  async alidomain() {
    const { DomainClient } = await import('@alidomain/client');
    return new DomainClient({ accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint }).checkDomain({ DomainName: 'example.com' });
  },
  async '@alicloud/pop-core'() {
    const { default: RPCClient } = await import('@alicloud/pop-core');
    return new RPCClient({ accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint, apiVersion: '2018-01-29' }).request(
      'CheckDomain',
      { DomainName: 'example.com' },
      { method: 'GET' },
    );
  },
  'node:http (presigned)'() {
    return new Promise((resolve, reject) => {
      http
        .get(`${endpoint}/?Action=CheckDomain&DomainName=example.com&Signature=x`, (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(JSON.parse(data)));
        })
        .on('error', reject);
    });
  },
};
await calls[kind]();
console.log(performance.now());
process.exit(0); // keep-alive sockets must not hold the measurement open
