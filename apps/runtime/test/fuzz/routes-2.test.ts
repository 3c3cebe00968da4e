import { fuzzRoutes } from './route-fuzzer';

fuzzRoutes(1, 3);
