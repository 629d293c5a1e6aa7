-- Query parameters through SET param_<name>.
SET param_n = 3;
SET param_s = 'hello';
SET param_arr = '[1,2,3]';
SET param_tbl = 'numbers';
SELECT {n:UInt8} + 1, {s:String}, {arr:Array(UInt16)}, toTypeName({n:UInt8});
SELECT number FROM numbers(10) WHERE number < {n:UInt32} ORDER BY number;
SELECT {missing:UInt8}; -- { serverError UNKNOWN_QUERY_PARAMETER }
SET param_bad = 'abc';
SELECT {bad:UInt8}; -- { serverError BAD_QUERY_PARAMETER }
