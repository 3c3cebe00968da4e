import { browserProject } from '../../vitest.browser-project';

export default browserProject('builder');
