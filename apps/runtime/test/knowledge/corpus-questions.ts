/**
 * The knowledge-base benchmark's question set (issue 22), written and committed BEFORE anything was measured or
 * tuned, against the npm CLI docs corpus in ./corpus (see corpus/SOURCE.md). Phrased as a user would ask.
 *
 * Answerable: `cite` lists the sources that hold the answer (a site page's path without `.html`, or a PDF's file
 * name); an answer is correct when one of its citations is among them and it contains every `keys` entry
 * (case-insensitive; `a|b` accepts either). Unanswerable: same product area, not answered by the corpus; the
 * right outcome is the not-found path.
 */
export interface AnswerableQuestion {
  q: string;
  cite: string[];
  keys: string[];
}

const CONFIG = 'using-npm/config';
const WORKSPACES_PDF = 'npm-workspaces.pdf';
const AUDIT_PDF = 'npm-audit.pdf';

export const ANSWERABLE: AnswerableQuestion[] = [
  // Installing in CI, lockfiles
  {
    q: 'Why should my build server use npm ci instead of npm install?',
    cite: ['commands/npm-ci'],
    keys: ['continuous integration|automated'],
  },
  { q: 'Does npm ci work if my project has no lock file?', cite: ['commands/npm-ci'], keys: ['package-lock.json'] },
  {
    q: 'What happens to the node_modules folder that is already there when I run npm ci?',
    cite: ['commands/npm-ci'],
    keys: ['removed'],
  },
  { q: 'Can I add one new dependency with npm ci?', cite: ['commands/npm-ci'], keys: ['entire projects'] },
  {
    q: 'Should I commit package-lock.json to my git repository?',
    cite: ['configuring-npm/package-lock-json'],
    keys: ['committed'],
  },
  {
    q: 'What is the difference between package-lock.json and npm-shrinkwrap.json?',
    cite: ['configuring-npm/package-lock-json', 'configuring-npm/npm-shrinkwrap-json'],
    keys: ['publish'],
  },
  {
    q: 'If I have both a package-lock.json and an npm-shrinkwrap.json, which one is used?',
    cite: ['configuring-npm/package-lock-json', 'configuring-npm/npm-shrinkwrap-json'],
    keys: ['npm-shrinkwrap.json', 'precedence|preferred'],
  },
  {
    q: 'What is the hidden lockfile inside node_modules for?',
    cite: ['configuring-npm/package-lock-json'],
    keys: ['hidden'],
  },
  // Uninstall, update, outdated
  {
    q: 'How can I uninstall a package but keep it listed in package.json?',
    cite: ['commands/npm-uninstall'],
    keys: ['no-save'],
  },
  {
    q: 'Will uninstalling a package also change my lock file?',
    cite: ['commands/npm-uninstall'],
    keys: ['package-lock.json'],
  },
  {
    q: "Why didn't npm update change the version ranges in my package.json?",
    cite: ['commands/npm-update'],
    keys: ['save'],
  },
  { q: 'How do I update the packages I installed globally?', cite: ['commands/npm-update'], keys: ['-g'] },
  {
    q: 'In the npm outdated output, what does the "wanted" column mean?',
    cite: ['commands/npm-outdated'],
    keys: ['semver'],
  },
  { q: 'What does a yellow line in npm outdated tell me?', cite: ['commands/npm-outdated'], keys: ['above'] },
  // Publishing, unpublishing, deprecating, tags, versions
  {
    q: 'Can I publish the same version number again after I unpublished it?',
    cite: ['commands/npm-unpublish', 'commands/npm-publish'],
    keys: ['never'],
  },
  {
    q: 'I unpublished my whole package; how long until I can publish it again?',
    cite: ['commands/npm-unpublish'],
    keys: ['24 hours'],
  },
  {
    q: 'How do I warn people that an old version of my package should not be used anymore?',
    cite: ['commands/npm-deprecate'],
    keys: ['deprecat'],
  },
  {
    q: 'How do I remove the deprecation message from my package?',
    cite: ['commands/npm-deprecate'],
    keys: ['empty string'],
  },
  { q: 'Who is allowed to deprecate a package?', cite: ['commands/npm-deprecate'], keys: ['owner'] },
  {
    q: 'Which version gets installed when I do not specify a version or tag?',
    cite: ['commands/npm-dist-tag'],
    keys: ['latest'],
  },
  { q: 'Why is v1.4 rejected when I try to use it as a dist-tag?', cite: ['commands/npm-dist-tag'], keys: ['semver'] },
  {
    q: 'How do I publish a beta release without it becoming the latest version?',
    cite: ['commands/npm-dist-tag', 'commands/npm-publish', CONFIG],
    keys: ['tag'],
  },
  { q: 'Does npm version also make a git commit and tag?', cite: ['commands/npm-version'], keys: ['commit', 'tag'] },
  {
    q: 'How can I put the new version number into the commit message that npm version creates?',
    cite: ['commands/npm-version'],
    keys: ['%s'],
  },
  {
    q: 'How do I check which files will end up in my package before publishing?',
    cite: ['commands/npm-publish'],
    keys: ['dry-run'],
  },
  { q: 'What is the name of the file that npm pack creates?', cite: ['commands/npm-pack'], keys: ['.tgz'] },
  {
    q: 'How do I make my scoped package public when publishing it?',
    cite: ['using-npm/scope', 'commands/npm-publish', CONFIG],
    keys: ['public'],
  },
  // Scripts, run, exec, init
  { q: 'Which shell runs my npm scripts on Windows?', cite: ['commands/npm-run', CONFIG], keys: ['cmd.exe'] },
  {
    q: 'How can a script find out which directory I was in when I ran npm run?',
    cite: ['commands/npm-run', 'using-npm/scripts'],
    keys: ['INIT_CWD'],
  },
  {
    q: 'Do I have to type node_modules/.bin before the tools I use in scripts?',
    cite: ['commands/npm-run', 'using-npm/scripts'],
    keys: ['node_modules/.bin'],
  },
  { q: 'How do I make a script run automatically before another script?', cite: ['using-npm/scripts'], keys: ['pre'] },
  { q: 'When is the prepare script run?', cite: ['using-npm/scripts'], keys: ['pack|publish'] },
  {
    q: 'Install scripts run silently; how do I see their output?',
    cite: [
      'using-npm/scripts',
      'using-npm/logging',
      CONFIG,
      'commands/npm-install',
      'commands/npm-ci',
      'commands/npm-run',
      'commands/npm-update',
    ],
    keys: ['foreground-scripts'],
  },
  {
    q: 'What does npm init do when I run it without any initializer?',
    cite: ['commands/npm-init'],
    keys: ['questions|package.json'],
  },
  { q: 'How do I skip all the questions of npm init?', cite: ['commands/npm-init'], keys: ['yes'] },
  {
    q: 'How do I run a command from a package that I have not installed?',
    cite: ['commands/npx', 'commands/npm-exec'],
    keys: ['remote|cache'],
  },
  {
    q: 'How do I stop npx from prompting me before it installs something?',
    cite: ['commands/npx', 'commands/npm-exec'],
    keys: ['yes'],
  },
  {
    q: 'Where do I have to put the options when I call npx?',
    cite: ['commands/npx', 'commands/npm-exec'],
    keys: ['positional'],
  },
  // Link, cache, ls
  {
    q: 'How do I test my own library in another project without publishing it?',
    cite: ['commands/npm-link'],
    keys: ['link'],
  },
  {
    q: 'Does npm link go by the folder name or by the package name?',
    cite: ['commands/npm-link'],
    keys: ['package.json'],
  },
  {
    q: 'Do I need to clear the npm cache when installs act up?',
    cite: ['commands/npm-cache'],
    keys: ['disk space|self-healing'],
  },
  { q: 'Why does npm cache clean refuse to run?', cite: ['commands/npm-cache'], keys: ['force'] },
  {
    q: "How do I find out why a package is in my project's dependency tree?",
    cite: ['commands/npm-ls'],
    keys: ['explain'],
  },
  // Accounts, tokens, owners, orgs
  { q: 'Where are my credentials saved after npm login?', cite: ['commands/npm-login'], keys: ['.npmrc'] },
  { q: 'I forgot my npm password, how do I reset it?', cite: ['commands/npm-login'], keys: ['forgot'] },
  { q: 'How do I revoke an access token?', cite: ['commands/npm-token'], keys: ['revok'] },
  { q: 'Why does the token list not show my full token?', cite: ['commands/npm-token'], keys: ['security'] },
  { q: 'How do I add another maintainer to my package?', cite: ['commands/npm-owner'], keys: ['maintainer|owner'] },
  { q: 'Can I give a co-owner of my package fewer rights than me?', cite: ['commands/npm-owner'], keys: ['one level'] },
  { q: 'Who can add new people to our npm organization?', cite: ['using-npm/orgs'], keys: ['super admin'] },
  // package.json, npmrc, folders, registry, logging, install
  { q: 'How long can a package name be?', cite: ['configuring-npm/package-json'], keys: ['214'] },
  {
    q: 'Am I allowed to use capital letters in a package name?',
    cite: ['configuring-npm/package-json'],
    keys: ['uppercase'],
  },
  {
    q: 'How do I make sure my package never gets published by accident?',
    cite: ['configuring-npm/package-json', 'using-npm/registry'],
    keys: ['private'],
  },
  {
    q: 'How do I force a specific version of a dependency of one of my dependencies?',
    cite: ['configuring-npm/package-json'],
    keys: ['override'],
  },
  {
    q: 'Will npm refuse to install my package on an unsupported Node version listed in engines?',
    cite: ['configuring-npm/package-json', CONFIG],
    keys: ['engine-strict'],
  },
  {
    q: 'Where do globally installed packages go on Linux?',
    cite: ['configuring-npm/folders'],
    keys: ['lib/node_modules'],
  },
  { q: 'Should I install a tool globally or locally?', cite: ['configuring-npm/folders'], keys: ['command line'] },
  { q: 'Can I reference environment variables in my .npmrc?', cite: ['configuring-npm/npmrc'], keys: ['variable'] },
  { q: 'How do I write a comment in an .npmrc file?', cite: ['configuring-npm/npmrc'], keys: ['comment'] },
  {
    q: 'Does npm send any information about my environment to the registry?',
    cite: ['using-npm/registry'],
    keys: ['header|npm-scope|npm-in-ci'],
  },
  {
    q: 'What is the recommended way to install Node.js and npm?',
    cite: ['configuring-npm/install'],
    keys: ['version manager'],
  },
  { q: 'Where does npm write its debug log files?', cite: ['using-npm/logging'], keys: ['_logs'] },
  { q: 'How do I completely uninstall npm from my machine?', cite: ['using-npm/removal'], keys: ['uninstall npm'] },
  // The two PDFs
  { q: 'How do I set up workspaces in my project?', cite: [WORKSPACES_PDF], keys: ['workspaces'] },
  { q: 'How do I add a dependency to only one of my workspaces?', cite: [WORKSPACES_PDF], keys: ['workspace'] },
  { q: 'What is the quickest way to create a new workspace?', cite: [WORKSPACES_PDF], keys: ['init'] },
  {
    q: 'How do I skip the workspaces that do not have the script I am running?',
    cite: [WORKSPACES_PDF, 'commands/npm-run', CONFIG],
    keys: ['if-present'],
  },
  {
    q: 'How can I make npm audit fail my CI build only for serious vulnerabilities?',
    cite: [AUDIT_PDF, CONFIG],
    keys: ['audit-level'],
  },
  { q: 'Do I need a lock file to run npm audit?', cite: [AUDIT_PDF], keys: ['package-lock|shrinkwrap'] },
  {
    q: 'How do I verify the registry signatures of the packages I downloaded?',
    cite: [AUDIT_PDF],
    keys: ['signatures'],
  },
  { q: 'Can npm audit fix every vulnerability automatically?', cite: [AUDIT_PDF], keys: ['manual'] },
];

// The unanswerable half of the set lives in its own file (same time of writing; moved only for the file's length).
export { UNANSWERABLE } from './corpus-unanswerable';
