import { fuzzRoutes } from './route-fuzzer';

fuzzRoutes(0, 3);
