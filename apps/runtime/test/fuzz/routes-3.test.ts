import { fuzzRoutes } from './route-fuzzer';

fuzzRoutes(2, 3);
