# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""End-to-end tests: the built and installed collection, run by ansible-playbook against the emulator."""

import glob
import json
import os
import ssl
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
import trustme
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
EMULATOR = os.path.join(ROOT, 'tools', 'tracker_emulator.py')
BIN = os.path.dirname(sys.executable)
OAUTH_TOKEN = 'emulator-oauth-token'
# The credentials the emulator takes, as a request to its API carries them.
AUTH = {'Authorization': 'OAuth ' + OAUTH_TOKEN, 'X-Org-ID': 'emulator-org'}
REMOTE_LINK = 'ytracker.tracker.tracker_remote_link'
# The remote link most tests make: TeamCity's build-1 on TEST-1.
BUILD = {'issue': 'TEST-1', 'origin': 'ru.yandex.teamcity', 'key': 'build-1'}
# e2e_results: the callback that writes each task's registered result for the test to read.
CALLBACK_PLUGINS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'callback_plugins')
TRACKER_VARIABLES = ('TRACKER_API_URL', 'TRACKER_OAUTH_TOKEN', 'TRACKER_IAM_TOKEN', 'TRACKER_ORG_ID',
                     'TRACKER_CLOUD_ORG_ID')


def module_task(module, defaults):
    """What makes tasks of ``module``: a function whose keyword arguments change or add to ``defaults``."""
    def task(**args):
        return {module: dict(defaults, **args)}
    return task


# A task of tracker_remote_link: BUILD, with the keyword arguments changed or added.
link_task = module_task(REMOTE_LINK, BUILD)


@pytest.fixture(scope='session')
def collections_path(tmp_path_factory):
    """The collection as users get it: built into a tarball, then installed."""
    work = tmp_path_factory.mktemp('collection')
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', '--output-path', str(work), ROOT],
                   check=True, capture_output=True)
    tarball = glob.glob(str(work / 'ytracker-tracker-*.tar.gz'))[0]
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', '-p', str(work / 'collections'),
                    tarball], check=True, capture_output=True)
    return str(work / 'collections')


class Emulator:
    """A running tracker_emulator.py, and what a test asks of it."""

    def __init__(self, tmp_path, *arguments):
        url_file = tmp_path / 'emulator.url'
        self.process = subprocess.Popen([sys.executable, EMULATOR, '--url-file', str(url_file)] + list(arguments),
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        banner = self.process.stdout.readline()
        assert banner.startswith(('Tracker emulator listening on http://127.0.0.1:',
                                  'Tracker emulator listening on https://127.0.0.1:')), banner
        self.url = banner.rsplit(' ', 1)[1].strip()
        assert url_file.read_text().strip() == self.url
        self.log_offset = 0
        self.tls_context = None  # an ssl.SSLContext that trusts the emulator's certificate, when it serves HTTPS

    def call(self, method, path, body=None, headers=None):
        """The parsed body of a request that must succeed (urllib's HTTPError otherwise)."""
        with urllib.request.urlopen(self.request(method, path, body, headers), timeout=10,
                                    context=self.tls_context) as response:
            payload = response.read()
        return json.loads(payload) if payload else None

    def request(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.url + path, method=method, headers=dict(headers or {}),
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header('Content-Type', 'application/json')
        return request

    def answer(self, method, path, body=None, headers=None):
        """(status, headers, parsed body) of one request, whatever its status."""
        try:
            with urllib.request.urlopen(self.request(method, path, body, headers), timeout=10,
                                        context=self.tls_context) as response:
                status, answer_headers, payload = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, payload = error.code, error.headers, error.read()
        return status, answer_headers, json.loads(payload) if payload else None

    def api_answer(self, method, path, body=None, headers=None):
        """answer() of a request with the API's credentials, unless ``headers`` are given."""
        return self.answer(method, path, body, AUTH if headers is None else headers)

    def api(self, method, path, body=None):
        return self.call(method, '/v3' + path, body, AUTH)

    def links(self, issue='TEST-1'):
        return self.api('GET', '/issues/%s/remotelinks?perPage=1000' % issue)

    def add_link(self, issue='TEST-1', origin='ru.yandex.teamcity', key='build-1', relationship='RELATES'):
        return self.api('POST', '/issues/%s/remotelinks' % issue,
                        {'relationship': relationship, 'key': key, 'origin': origin})

    def arm(self, *faults):
        self.call('POST', '/_emulator/faults', {'faults': list(faults)})

    def request_log(self):
        """What reached the API since the last forget()."""
        return self.call('GET', '/_emulator/requests')[self.log_offset:]

    def requests(self):
        """What reached the API since the last forget(), as 'METHOD /path'."""
        return ['%s %s' % (entry['method'], entry['path']) for entry in self.request_log()]

    def forget(self):
        """Clear the request log, keeping the links."""
        self.log_offset = len(self.call('GET', '/_emulator/requests'))

    def stop(self):
        self.process.terminate()
        output, dummy = self.process.communicate(timeout=10)
        assert self.process.returncode == 0, output
        assert output.strip().endswith('Tracker emulator stopped'), output


@pytest.fixture
def start_emulator(tmp_path):
    """Start emulators with the given arguments; each is stopped, and checked stopped, after the test."""
    started = []

    def start(*arguments):
        emulator = Emulator(tmp_path, *arguments)
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.stop()


@pytest.fixture
def emulator(start_emulator):
    return start_emulator()


@pytest.fixture
def https_emulator(start_emulator, tmp_path):
    """An emulator serving HTTPS with a certificate of a CA made for the test.

    Its ``environment`` points a playbook at it, and points requests at another CA through
    REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE, as CI images often do; ``ca_path``, also in the
    variable E2E_CA_PATH, is a bundle of the CA that did sign its certificate.
    """
    authority = trustme.CA()
    authority.issue_cert('127.0.0.1').private_key_and_cert_chain_pem.write_to_path(str(tmp_path / 'server.pem'))
    authority.cert_pem.write_to_path(str(tmp_path / 'ca.pem'))
    trustme.CA().cert_pem.write_to_path(str(tmp_path / 'other-ca.pem'))
    emulator = start_emulator('--tls-cert', str(tmp_path / 'server.pem'), '--tls-key', str(tmp_path / 'server.pem'))
    assert emulator.url.startswith('https://')
    emulator.ca_path = str(tmp_path / 'ca.pem')
    emulator.tls_context = ssl.create_default_context(cafile=emulator.ca_path)
    other = str(tmp_path / 'other-ca.pem')
    emulator.environment = {'TRACKER_API_URL': emulator.url, 'REQUESTS_CA_BUNDLE': other, 'CURL_CA_BUNDLE': other,
                            'E2E_CA_PATH': emulator.ca_path}
    return emulator


@pytest.fixture(params=['controller', 'module'])
def execution(request):
    """Both ways a task runs: in Ansible's process on the controller, and as a module process."""
    return request.param


class Run:
    """One ansible-playbook run: its exit code, its output and each task's registered result.

    ``results`` holds, for each task, the result of the host that ended it last; ``by_host`` holds
    every host's: {host: [result of each task]}.
    """

    def __init__(self, process, results, by_host):
        self.rc = process.returncode
        self.output = process.stdout + process.stderr
        self.results = results
        self.by_host = by_host

    @property
    def result(self):
        return self.results[0]


@pytest.fixture
def playbook(collections_path, emulator, tmp_path, monkeypatch):
    """Run tasks of the installed collection with ansible-playbook; TRACKER_* point at the emulator.

    Each task's result is registered, and the callback e2e_results writes it to a file for the test
    to read.
    """
    # The switch of the in-process run too: the tests say which way a task runs.
    for name in TRACKER_VARIABLES + ('YTRACKER_TRACKER_IN_PROCESS',):
        monkeypatch.delenv(name, raising=False)
    runs = []

    def run(*tasks, env=None, options=(), emulator_env=True, ignore_errors=True, play=None, execution='controller',
            expect_payload=None, more_plays=(), file_name=None):
        """expect_payload: whether a module process must have run; by default, when execution is 'module'.

        more_plays: plays, as they are, after the one of ``tasks``; file_name: the playbook's file name,
        the same for every run that gives it (a new one for each run otherwise).
        """
        plays = [dict({
            'name': 'End-to-end test',
            'hosts': 'localhost',
            'gather_facts': False,
            'tasks': [],
        }, **(play or {}))]
        for number, task in enumerate(tasks):
            # The callback knows a task by this name.
            task = dict(task, name='Task %d' % number, register='outcome', ignore_errors=ignore_errors)
            if execution == 'module':
                # A task environment is for a module's process: the action plugin executes the module.
                task['environment'] = {'E2E_EXECUTION': 'module'}
            plays[0]['tasks'].append(task)
        plays.extend(more_plays)
        results_file = tmp_path / ('results-%d.jsonl' % len(runs))
        remote_tmp = tmp_path / ('remote-%d' % len(runs))
        path = tmp_path / (file_name or 'playbook-%d.yml' % len(runs))
        path.write_text(yaml.safe_dump(plays, sort_keys=False))
        environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_NOCOLOR='1',
                           ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
                           ANSIBLE_PYTHON_INTERPRETER=sys.executable, PATH=BIN + os.pathsep + os.environ['PATH'],
                           ANSIBLE_KEEP_REMOTE_FILES='1', ANSIBLE_REMOTE_TMP=str(remote_tmp),
                           # Async jobs keep their results here, not under a home that other runs share.
                           ANSIBLE_ASYNC_DIR=str(tmp_path / 'async'),
                           ANSIBLE_CALLBACK_PLUGINS=CALLBACK_PLUGINS, ANSIBLE_CALLBACKS_ENABLED='e2e_results',
                           E2E_RESULTS_FILE=str(results_file))
        if emulator_env:
            environment.update(TRACKER_API_URL=emulator.url, TRACKER_OAUTH_TOKEN=OAUTH_TOKEN,
                               TRACKER_ORG_ID='emulator-org')
        environment.update(env or {})
        process = subprocess.run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                                  str(path)] + list(options),
                                 env=environment, capture_output=True, text=True, timeout=300, check=False)
        results = [None] * len(tasks)
        by_host = {}
        for line in results_file.read_text().splitlines() if results_file.exists() else ():
            # One line per task and host: with many hosts, the last one to end.
            entry = json.loads(line)
            assert 'error' not in entry, (entry, process.stdout + process.stderr)
            results[entry['task']] = entry['result']
            by_host.setdefault(entry['host'], [None] * len(tasks))[entry['task']] = entry['result']
        # A module process leaves its AnsiballZ payload behind (ANSIBLE_KEEP_REMOTE_FILES): it
        # tells which way the tasks ran.
        payloads = glob.glob(str(remote_tmp / '*' / 'AnsiballZ_tracker_*.py'))
        if expect_payload is None:
            expect_payload = execution == 'module'
        assert bool(payloads) == expect_payload, payloads
        runs.append(process)
        return Run(process, results, by_host)

    return run
