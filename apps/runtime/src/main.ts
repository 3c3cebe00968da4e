console.log('runtime: not yet implemented');
